/** Keys the hover popup answers to, kept apart so the content script's core does not load the vocabulary client. */
import type { PopupCommand } from '../ui/popup/Popup';

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

/** Exported for the options page's test that its Keys section names every one. */
export const COMMANDS: Record<string, PopupCommand> = {
  ArrowDown: 'next',
  ArrowUp: 'prev',
  Enter: 'expand',
  s: 'save',
  k: 'known',
  c: 'copy',
  '?': 'help',
  PageDown: 'down',
  PageUp: 'up',
};

/**
 * The popup's keys, alone (with Ctrl, Alt or ⌘ they belong to the browser or the page); letters also with Shift,
 * since Shift may be the hover key. Not while a field of the page has the keyboard: see isTyping.
 */
export function popupCommand(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat' | 'isComposing'>,
): PopupCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const cmd = COMMANDS[key] ?? null;
  // Holding a letter down must not save or copy over and over; arrows may repeat.
  return cmd && e.repeat && key.length === 1 ? null : cmd;
}
