/** Styles of the popup's vocabulary row (VocabBar.tsx), appended to the popup's shadow-root sheet. */
export const VOCAB_BAR_CSS = `
.vocab { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3em 0.45em; margin-top: 0.35em; font-size: 0.8em; }
.vocab-control {
  cursor: pointer;
  padding: 0.05em 0.55em;
  border: 1px solid var(--kiji-border);
  border-radius: 1em;
  color: var(--kiji-muted);
  user-select: none;
  white-space: nowrap;
}
.vocab-control:hover { color: var(--kiji-fg); border-color: var(--kiji-accent); }
.vocab-control[aria-pressed='true'] { background: var(--kiji-badge-bg); color: var(--kiji-fg); border-color: var(--kiji-accent); }
.vocab-save { color: var(--kiji-accent); border-color: var(--kiji-accent); }
.vocab-known[aria-pressed='true'] { background: var(--kiji-common-bg); color: var(--kiji-common-fg); }
.vocab-saved { color: var(--kiji-accent); font-weight: 600; }
.vocab-key {
  margin-left: 0.4em;
  font: inherit;
  font-size: 0.85em;
  padding: 0 0.3em;
  border: 1px solid var(--kiji-border);
  border-radius: 0.25em;
}
.vocab-lists { flex-basis: 100%; display: flex; flex-wrap: wrap; gap: 0.3em; }
.vocab[aria-busy='true'] .vocab-control { opacity: 0.6; }
.vocab-notice { margin: 0.35em 0 0; font-size: 0.85em; color: var(--kiji-muted); }
.vocab-notice.warning, .vocab-notice.error { color: var(--kiji-accent); font-weight: 600; }
`;
