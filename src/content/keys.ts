/** Keys the hover popup answers to, kept apart so the content script's core does not load the vocabulary client. */

/** `s` (or `S` with the hover key Shift held) alone: with Ctrl, Alt or ⌘ it belongs to the browser or the page. */
export function isSaveKey(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat' | 'isComposing'>,
): boolean {
  return (e.key === 's' || e.key === 'S') && !e.ctrlKey && !e.metaKey && !e.altKey && !e.repeat && !e.isComposing;
}

/** Keys typed into a field are the reader's text, not commands. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof target !== 'object' || !('tagName' in target)) return false;
  const el = target as HTMLElement;
  return (
    el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable === true
  );
}
