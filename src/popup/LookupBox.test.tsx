// @vitest-environment happy-dom
import { render } from 'preact';
import { nodeAssets } from '../node/assets';
import { createEngine } from '../core/engine';
import { parseEnvelope } from '../messages';
import { DEFAULT_SETTINGS } from '../settings';
import { useLocale } from '../ui/test-support/fake-browser';
import { LOOKUP_DEBOUNCE_MS, LookupBox } from './LookupBox';

const engine = createEngine(nodeAssets);
const asked: string[] = [];
let answerWith: 'engine' | 'nothing' | 'failure' = 'engine';

vi.mock('webextension-polyfill', async () => {
  const fake = await import('../ui/test-support/fake-browser');
  return {
    default: {
      ...fake.default,
      runtime: {
        // Checked as the background checks it, and answered by the real engine.
        sendMessage: async (message: unknown) => {
          const request = parseEnvelope(message);
          if (!request || request.type !== 'lookup') throw new Error('not a lookup');
          const { text, at } = request.payload as { text: string; at: number };
          asked.push(text);
          if (answerWith === 'nothing') return undefined;
          if (answerWith === 'failure') return { ok: false, error: 'tokenizer: out of memory' };
          return { ok: true, value: await engine.lookup(text, at) };
        },
      },
    },
  };
});

beforeAll(() => engine.ready(), 120_000);
beforeEach(() => {
  useLocale('en');
  asked.length = 0;
  answerWith = 'engine';
});

function type(root: HTMLElement, text: string) {
  const input = root.querySelector<HTMLInputElement>('input[type=search]')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const settle = () => new Promise((r) => setTimeout(r, LOOKUP_DEBOUNCE_MS + 100));

function mount(): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<LookupBox settings={DEFAULT_SETTINGS} />, root);
  return root;
}

describe('the toolbar popup’s look-up box', () => {
  it('shows what the hover popup would for typed text: entries, reading, kanji', async () => {
    const root = mount();
    type(root, '  交わされた ');
    await settle();
    const results = root.querySelector('.lookup-results')!;
    expect(results.querySelector('[data-entry] .headword')?.textContent).toBe('交わす');
    expect(results.querySelector('[data-entry] .reading')?.textContent).toBe('かわす');
    expect(results.querySelector('.inflection')?.textContent).toMatch(/passive/);
    expect([...results.querySelectorAll<HTMLElement>('.kanji-row')].map((r) => r.dataset.kanji)).toEqual(['交']);
    // Saving belongs to the page's popup, where the sentence is.
    expect(results.querySelector('.vocab')).toBeNull();
    expect(asked).toEqual(['交わされた']);
  });

  it('asks once typing pauses, not for every keystroke', async () => {
    const root = mount();
    for (const text of ['新', '新S', '新ST', '新START']) type(root, text);
    await settle();
    expect(asked).toEqual(['新START']);
    // The alias as written, then the term it stands for.
    const card = root.querySelector('.lookup-results [data-source=glossary]');
    expect(card?.querySelector('.headword')?.textContent).toBe('新START');
    expect(card?.querySelector('.stands-for')?.textContent).toContain('新戦略兵器削減条約');
  });

  it('looks up any word of a pasted sentence: a click on a character looks up from there', async () => {
    const root = mount();
    type(root, '新START延長で合意');
    await settle();
    const chars = () => [...root.querySelectorAll<HTMLButtonElement>('.lookup-text button')];
    expect(
      chars()
        .map((b) => b.textContent)
        .join(''),
    ).toBe('新START延長で合意');
    // The first word is shown and marked in the text.
    expect(chars().filter((b) => b.getAttribute('aria-pressed') === 'true').length).toBe(6);
    chars()[6]!.click();
    await settle();
    expect(asked).toEqual(['新START延長で合意', '新START延長で合意']);
    expect(root.querySelector('.lookup-results [data-entry] .headword')?.textContent).toBe('延長');
    expect(
      chars()
        .filter((b) => b.getAttribute('aria-pressed') === 'true')
        .map((b) => b.textContent)
        .join(''),
    ).toBe('延長');
  });

  it('reads romaji as kana, for a word known by ear', async () => {
    const root = mount();
    type(root, 'enchou');
    await settle();
    expect(asked).toEqual(['えんちょう']);
    expect(root.querySelector('.hint')?.textContent).toBe('Read as えんちょう');
    // Found through their reading, the words show as they are written (園長 and 延長 are both common).
    const headwords = [...root.querySelectorAll('.lookup-results [data-entry] .headword')].map((h) => h.textContent);
    expect(headwords.slice(0, 2)).toContain('延長');
  });

  it('says when nothing matches, when the engine fails, and clears with the box', async () => {
    const root = mount();
    type(root, 'hello');
    await settle();
    expect(root.querySelector('.hint')?.textContent).toBe('No dictionary entry starts with this.');
    answerWith = 'failure';
    type(root, '延長');
    await settle();
    expect(root.querySelector('.hint')?.textContent).toBe('Kiji could not look this up: tokenizer: out of memory');
    answerWith = 'nothing';
    type(root, '延長する');
    await settle();
    expect(root.querySelector('.hint')?.textContent).toMatch(/did not answer/);
    type(root, '');
    await settle();
    expect(root.querySelector('.hint, .lookup-results')).toBeNull();
  });
});
