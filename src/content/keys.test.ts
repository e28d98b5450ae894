import { isTyping, popupCommand } from './keys';

const key = (k: string, extra: Partial<KeyboardEvent> = {}) =>
  ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    repeat: false,
    isComposing: false,
    ...extra,
  }) as KeyboardEvent;

describe('popup keys', () => {
  it('maps the keys to the popup commands, letters with or without Shift', () => {
    expect(popupCommand(key('ArrowDown'))).toBe('next');
    expect(popupCommand(key('ArrowUp'))).toBe('prev');
    expect(popupCommand(key('Enter'))).toBe('expand');
    expect(popupCommand(key('s'))).toBe('save');
    expect(popupCommand(key('S'))).toBe('save');
    expect(popupCommand(key('k'))).toBe('known');
    expect(popupCommand(key('c'))).toBe('copy');
    expect(popupCommand(key('?'))).toBe('help');
    expect(popupCommand(key('PageDown'))).toBe('down');
    expect(popupCommand(key('x'))).toBeNull();
  });

  it('leaves keys with Ctrl, Alt or ⌘, held-down letters and keys of an input method to the page', () => {
    expect(popupCommand(key('c', { ctrlKey: true }))).toBeNull();
    expect(popupCommand(key('s', { metaKey: true }))).toBeNull();
    expect(popupCommand(key('k', { altKey: true }))).toBeNull();
    expect(popupCommand(key('s', { repeat: true }))).toBeNull();
    expect(popupCommand(key('ArrowDown', { repeat: true }))).toBe('next');
    expect(popupCommand(key('Enter', { isComposing: true }))).toBeNull();
  });

  it('knows when the reader is typing in a field of the page', () => {
    const el = (tagName: string, isContentEditable = false) => ({ tagName, isContentEditable }) as HTMLElement;
    expect(isTyping(el('INPUT'))).toBe(true);
    expect(isTyping(el('TEXTAREA'))).toBe(true);
    expect(isTyping(el('DIV', true))).toBe(true);
    expect(isTyping(el('DIV'))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});
