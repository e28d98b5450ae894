/**
 * WCAG AA contrast of the palette, in both themes: text colours against the backgrounds they are drawn on, in the
 * hover popup (theme.ts) and on the pages (page.css). axe-core checks the pages in a browser, but cannot measure the
 * popup (it floats over the page with a shadow, and axe leaves its text "incomplete"), so the pairs are checked here.
 */
import { readFileSync } from 'node:fs';
import { themeCss } from './theme';

type Palette = Record<string, string>;

const tokens = (rule: string): Palette =>
  Object.fromEntries([...rule.matchAll(/--kiji-([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));

const [lightRule = '', , darkRule = ''] = themeCss('.x').split('\n');
const pageCss = readFileSync('src/pages/page.css', 'utf8');
// page.css: the light page tokens in the :root rule, the dark ones in the [data-theme='dark'] rule.
const pageLight = tokens(/:root \{[^}]*\}/.exec(pageCss)![0]);
const pageDark = tokens(/:root\[data-theme='dark'\] \{[^}]*\}/.exec(pageCss)![0]);
const THEMES: [string, Palette][] = [
  ['light', { ...tokens(lightRule), ...pageLight }],
  ['dark', { ...tokens(darkRule), ...pageDark }],
];

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Text colour → the backgrounds it is drawn on. */
const TEXT_ON: [string, string[]][] = [
  ['fg', ['bg', 'card-bg', 'field', 'hover', 'badge-bg']],
  ['muted', ['bg', 'card-bg', 'field', 'badge-bg']],
  ['accent', ['bg', 'card-bg', 'field']],
  ['badge-fg', ['badge-bg']],
  ['common-fg', ['common-bg']],
  // The glossary card's category badge: the background colour on the card's border colour.
  ['bg', ['card-border']],
];

describe('colour contrast (WCAG AA, 4.5:1 for text)', () => {
  for (const [theme, palette] of THEMES)
    for (const [text, backgrounds] of TEXT_ON)
      for (const background of backgrounds)
        it(`${theme}: ${text} on ${background}`, () => {
          const [fg, bg] = [palette[text], palette[background]];
          expect(fg && bg, `${text} and ${background} are tokens of the ${theme} palette`).toBeTruthy();
          expect(contrast(fg!, bg!)).toBeGreaterThanOrEqual(4.5);
        });
});
