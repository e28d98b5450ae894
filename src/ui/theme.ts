/**
 * Colour and type tokens shared by the hover popup and the extension pages, as CSS custom properties.
 * The dark set applies when the system asks for it (theme "system") or when the user forces it.
 */

interface Tokens {
  bg: string;
  fg: string;
  muted: string;
  border: string;
  accent: string;
  badgeBg: string;
  badgeFg: string;
  commonBg: string;
  commonFg: string;
  cardBg: string;
  cardBorder: string;
  shadow: string;
}

const LIGHT: Tokens = {
  bg: '#fffdf8',
  fg: '#1f1f1f',
  muted: '#5e5a52',
  border: '#d9d2c3',
  accent: '#b3261e',
  badgeBg: '#ece6d8',
  badgeFg: '#3d3a33',
  commonBg: '#dcefe0',
  commonFg: '#1b5e20',
  cardBg: '#f7f0e0',
  cardBorder: '#8a6d1f',
  shadow: '0 6px 24px rgba(0, 0, 0, 0.18)',
};

const DARK: Tokens = {
  bg: '#1f2023',
  fg: '#ecebe7',
  muted: '#a9a59c',
  border: '#3b3d42',
  accent: '#ff8a7a',
  badgeBg: '#34363b',
  badgeFg: '#d9d6cf',
  commonBg: '#1e3a24',
  commonFg: '#9edba6',
  cardBg: '#2a2824',
  cardBorder: '#a88a48',
  shadow: '0 6px 24px rgba(0, 0, 0, 0.55)',
};

/**
 * Japanese fonts of macOS, Windows and the usual Linux packages, named outright: when none is named, each new kanji
 * costs the renderer a font-fallback query (a round trip to the browser process on Linux), and a popup of fresh
 * words paid several milliseconds for them before it could paint.
 */
export const FONT_JA = [
  '"Hiragino Sans"',
  '"Hiragino Kaku Gothic ProN"',
  '"Yu Gothic UI"',
  '"Yu Gothic"',
  'Meiryo',
  '"Noto Sans CJK JP"',
  '"Noto Sans JP"',
  '"Source Han Sans JP"',
  '"IPAexGothic"',
  '"IPAPGothic"',
  '"IPAGothic"',
  '"VL PGothic"',
  '"TakaoPGothic"',
  'sans-serif',
].join(', ');
export const FONT_UI = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

function declarations(tokens: Tokens): string {
  return Object.entries(tokens)
    .map(([name, value]) => `--kiji-${name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}: ${value};`)
    .join(' ');
}

/** Token rules for `selector`; the element it matches carries data-theme="system" | "light" | "dark". */
export function themeCss(selector: string): string {
  return [
    `${selector} { ${declarations(LIGHT)} color-scheme: light; }`,
    `@media (prefers-color-scheme: dark) { ${selector}[data-theme="system"] { ${declarations(DARK)} color-scheme: dark; } }`,
    `${selector}[data-theme="dark"] { ${declarations(DARK)} color-scheme: dark; }`,
  ].join('\n');
}
