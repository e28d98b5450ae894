import type { Page } from 'playwright-core';
import { hover, launchChromium, readPopup, type ChromiumHarness } from './chromium';
import { waitForPopup } from './popup-wait';

const FIRST_LOOKUP_MS = 60_000;

/**
 * The seed article's political terms, hovered where the article has them. `at` is the character pointed at inside
 * `text` (a snippet of the page); `card` is the glossary headword the popup must lead with.
 */
const TERMS: { text: string; at: number; card: string; english: RegExp; within?: string; noWords?: true }[] = [
  { text: '新戦略兵器削減条約(新START)の延長', at: 3, card: '新戦略兵器削減条約', english: /Strategic Arms Reduction/ },
  // An abbreviation as written, with its own reading, then the term it stands for.
  {
    text: '新STARTの5年延長',
    at: 1,
    card: '新START',
    english: /しんスタート[\s\S]*新戦略兵器削減条約[\s\S]*New START/,
  },
  // The pointer on 条 of 条約, after the parenthetical: the whole treaty, not the airline policy.
  { text: '領空開放(オープンスカイ)条約', at: 13, card: '領空開放条約', english: /Open Skies/ },
  { text: '戦略的安定協議', at: 2, card: '戦略的安定協議', english: /[Ss]trategic [Ss]tability/ },
  { text: 'サキ大統領報道官', at: 5, card: '大統領報道官', english: /press secretary/i, within: 'body' },
  { text: 'ロシア大統領府は', at: 3, card: 'ロシア大統領府', english: /Kremlin|Presidential/ },
  // The country written before it reads with it, even with the pointer on the katakana: the card as written.
  {
    text: '米ホワイトハウスは合意',
    at: 5,
    card: '米ホワイトハウス',
    english: /べいホワイトハウス[\s\S]*ホワイトハウス[\s\S]*White House/,
  },
  { text: '核軍縮条約が存続', at: 1, card: '核軍縮条約', english: /disarmament/i },
  { text: '反体制派のナワリヌイ氏', at: 1, card: '反体制派', english: /dissident|opposition/i },
  // EDICT has no ナワリヌイ (nor splits it into ナワ + リヌイ): the card stands alone.
  { text: 'ナワリヌイ氏の毒殺未遂', at: 2, card: 'ナワリヌイ', english: /Navalny/, noWords: true },
  // EDICT's タリバン says what the card says: one row, the card's.
  { text: 'タリバン系の武装勢力', at: 1, card: 'タリバン', english: /Taliban/, noWords: true },
  { text: '連合軍兵士殺害', at: 1, card: '連合軍', english: /[Aa]llied|[Cc]oalition/ },
  { text: 'ウクライナの主権', at: 7, card: '主権', english: /sovereignty/i },
  { text: '国益を守る', at: 0, card: '国益', english: /national interest/i },
];

let harness: ChromiumHarness;
let page: Page;

beforeAll(async () => {
  harness = await launchChromium();
  page = await harness.open('news/newsweek-seed.html');
});

afterAll(async () => {
  await harness?.close();
});

describe('Chromium: glossary cards on the seed article', () => {
  it.each(TERMS)(
    'hovering $text at $at shows the card for $card',
    async ({ text, at, card, english, within, noWords }) => {
      await hover(page, text, at, { within: within ?? '.entry-text' });
      const popup = await waitForPopup(
        () => readPopup(page),
        (shown) => shown.entries[0]?.source === 'glossary' && shown.entries[0].headword === card,
        `glossary card ${card}`,
        FIRST_LOOKUP_MS,
      );
      expect(popup.text).toMatch(english);
      // The general dictionary's entries follow the card (one that only repeats the card is merged into it).
      expect(popup.entries.slice(1).some((e) => e.source === 'words')).toBe(!noWords);
    },
  );

  it('reads 共同 in a Kyodo byline as the news agency, and 共同 elsewhere as the word', async () => {
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'byline-test';
      p.textContent = '【モスクワ共同】両国は共同声明を発表した。';
      document.querySelector('.entry-text')?.append(p);
    });
    await hover(page, 'モスクワ共同', 4, { within: '#byline-test' });
    const kyodo = await waitForPopup(
      () => readPopup(page),
      (shown) => shown.entries[0]?.source === 'glossary' && /Kyodo/.test(shown.text),
      'Kyodo card',
    );
    expect(kyodo.text).toMatch(/Kyodo/);
    await hover(page, '共同声明', 0, { within: '#byline-test' });
    const statement = await waitForPopup(
      () => readPopup(page),
      (shown) => shown.headword === '共同声明',
      '共同声明',
    );
    expect(statement.text).not.toMatch(/Kyodo/);
  });
});
