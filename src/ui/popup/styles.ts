/**
 * The popup's style sheet, applied inside its shadow root only. `:host` rules are !important because, across a shadow
 * boundary, important inner declarations beat the page's: no page rule can hide, move or restyle the host.
 * Sizes are in em so the user's font size setting scales everything; never rem (that is the page's root size).
 */
import { FONT_JA, FONT_UI, themeCss } from '../theme';
import { VOCAB_BAR_CSS } from './vocab-styles';

export const POPUP_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  left: 0 !important;
  top: 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  pointer-events: none !important;
}
${themeCss('.kiji-popup')}
.kiji-popup {
  position: fixed;
  left: 0;
  top: 0;
  box-sizing: border-box;
  width: max-content;
  max-width: min(30em, calc(100vw - 8px));
  max-height: min(55vh, 34em);
  overflow: auto;
  overscroll-behavior: contain;
  padding: 0.55em 0.75em;
  background: var(--kiji-bg);
  color: var(--kiji-fg);
  border: 1px solid var(--kiji-border);
  border-radius: 0.5em;
  box-shadow: var(--kiji-shadow);
  font: 1em/1.45 ${FONT_UI};
  text-align: start;
  writing-mode: horizontal-tb;
  direction: ltr;
  pointer-events: auto;
  user-select: text;
}
.kiji-popup :lang(ja) { font-family: ${FONT_JA}; }
.entry { margin: 0; padding: 0.3em 0; }
.compact > div { border-top: 1px solid var(--kiji-border); }
.compact > div:first-of-type, .section-title + div { border-top: 0; }
.head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.15em 0.55em; padding-right: 1.2em; }
.headword { font-size: 1.6em; font-weight: 600; line-height: 1.25; }
.reading { font-size: 1.05em; color: var(--kiji-accent); }
.romaji { font-size: 0.9em; color: var(--kiji-muted); font-style: italic; }
.badge {
  font-size: 0.72em;
  padding: 0.05em 0.5em;
  border-radius: 1em;
  background: var(--kiji-badge-bg);
  color: var(--kiji-badge-fg);
  white-space: nowrap;
}
.badge.common { background: var(--kiji-common-bg); color: var(--kiji-common-fg); }
.inflection { font-size: 0.85em; color: var(--kiji-muted); margin-top: 0.1em; }
.inflection::before { content: "\\2190\\00a0"; }
.parts, .other-forms, .aliases, .related, .stands-for { font-size: 0.85em; color: var(--kiji-muted); margin-top: 0.2em; }
.senses { list-style: none; margin: 0.2em 0 0; padding: 0; }
.sense { margin: 0.1em 0; }
.sense-no {
  display: inline-block;
  min-width: 1.2em;
  margin-right: 0.3em;
  font-size: 0.8em;
  font-weight: 600;
  color: var(--kiji-accent);
}
.chips { display: inline; margin-right: 0.35em; }
.chip {
  display: inline-block;
  font-size: 0.72em;
  padding: 0 0.4em;
  margin: 0 0.25em 0.1em 0;
  border-radius: 0.3em;
  border: 1px solid var(--kiji-border);
  color: var(--kiji-muted);
  vertical-align: 0.1em;
}
.chips.tags { margin-left: 0.35em; margin-right: 0; }
.more { display: inline-block; font-size: 0.8em; color: var(--kiji-accent); cursor: pointer; margin-top: 0.1em; }
.more:hover { text-decoration: underline; }
.entry.shorter { font-size: 0.9em; }
.entry.shorter .headword { font-size: 1.3em; }
.card {
  background: var(--kiji-card-bg);
  border: 1px solid var(--kiji-card-border);
  border-radius: 0.4em;
  padding: 0.4em 0.6em;
  margin: 0.2em 0 0.3em;
}
.compact > div.card, .compact > div + .item:has(.card), .compact > .item:has(.card) + div { border-top-color: transparent; }
.badge.category { background: var(--kiji-card-border); color: var(--kiji-bg); }
.english { font-weight: 600; margin-top: 0.15em; }
.english-alt { font-weight: 400; color: var(--kiji-muted); }
.note { margin: 0.2em 0 0; font-size: 0.9em; }
.note.clamped { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
.entry.line, .kanji-row {
  display: flex;
  align-items: baseline;
  gap: 0.5em;
  padding: 0.2em 0;
  white-space: nowrap;
  overflow: hidden;
  cursor: pointer;
}
.entry.line.card { padding: 0.2em 0.5em; margin: 0.15em 0; }
.entry.line .headword { font-size: 1.2em; line-height: 1.3; }
.entry.line .reading { font-size: 0.95em; }
.gloss { min-width: 0; overflow: hidden; text-overflow: ellipsis; font-size: 0.92em; }
.entry.line:hover .gloss, .kanji-row:hover .kanji-meanings { text-decoration: underline; text-decoration-color: var(--kiji-border); }
.section-title {
  margin: 0.3em 0 0;
  padding-top: 0.25em;
  border-top: 1px solid var(--kiji-border);
  font-size: 0.75em;
  font-weight: 600;
  letter-spacing: 0.04em;
  text-transform: uppercase;
  color: var(--kiji-muted);
}
.kanji-literal { font-size: 1.3em; line-height: 1.2; min-width: 1.1em; }
.kanji-body { display: flex; gap: 0 0.7em; align-items: baseline; font-size: 0.85em; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
.kanji-row.open { white-space: normal; }
.kanji-row.open .kanji-body { flex-wrap: wrap; }
.kanji-meta { flex-basis: 100%; }
.kanji-readings span + span::before { content: ' · '; color: var(--kiji-muted); }
.kanji-on { color: var(--kiji-accent); }
.kanji-meta { color: var(--kiji-muted); font-size: 0.9em; }
[data-sel] { outline: 2px solid var(--kiji-accent); outline-offset: -1px; border-radius: 0.3em; }
.keys-hint {
  position: absolute;
  top: 0.2em;
  right: 0.2em;
  width: 1.5em;
  line-height: 1.5em;
  background: var(--kiji-bg);
  font-size: 0.72em;
  text-align: center;
  color: var(--kiji-muted);
  border: 1px solid var(--kiji-border);
  border-radius: 50%;
  cursor: pointer;
  user-select: none;
}
.keys-help { margin: 0 1.6em 0.35em 0; font-size: 0.8em; color: var(--kiji-muted); }
.keys-help div { display: flex; gap: 0.6em; }
.keys-help dt { min-width: 3.2em; }
.keys-help dd { margin: 0; }
.keys-help kbd, .vocab-key { font: inherit; }
.scroll-cue {
  display: none;
  position: sticky;
  bottom: -0.55em;
  margin: 0 -0.75em -0.55em;
  padding: 0.6em 0.75em 0.2em;
  text-align: center;
  font-size: 0.75em;
  color: var(--kiji-accent);
  background: linear-gradient(transparent, var(--kiji-bg) 55%);
  pointer-events: none;
}
.kiji-popup[data-clipped] .scroll-cue { display: block; }
.error { margin: 0; color: var(--kiji-muted); font-size: 0.9em; }
${VOCAB_BAR_CSS}
`;
