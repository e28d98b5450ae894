import { beforeAll, describe, expect, it } from 'vitest';
import { lookupWords } from '../lookup/word-lookup';
import { acceptsEntry, deinflect } from './deinflect';
import { INFLECTION_CODES, describeInflection } from './inflection';
import { loadNodeWords } from '../../node/words';
import type { WordIndex } from './word-index';

let words: WordIndex;
beforeAll(async () => {
  words = await loadNodeWords();
}, 300_000);

/** Dictionary forms the real dictionary confirms for a surface form, with their reasons. */
function confirmed(surface: string): { word: string; reasons: string[] }[] {
  return deinflect(surface).flatMap((c) =>
    words
      .lookup(c.word)
      .filter((e) => acceptsEntry(c, e))
      .map(() => ({ word: c.word, reasons: c.reasons as string[] })),
  );
}

/** What the popup shows first when the pointer is on the first character of the form. */
function firstEntry(surface: string) {
  const result = lookupWords(surface, 0, { words });
  expect(result, surface).not.toBeNull();
  return result!.entries[0];
}

// Conjugated forms as news writes them; the reasons are in reading order (innermost first).
const NEWS_FORMS: [surface: string, headword: string, reasons: string[]][] = [
  ['交わされ', '交わす', ['passive', 'continuative']],
  ['交わされた', '交わす', ['passive', 'past']],
  ['合意した', '合意', ['suru-verb', 'past']],
  ['懸念されています', '懸念', ['suru-verb', 'passive', 'progressive', 'polite']],
  ['保護されています', '保護', ['suru-verb', 'passive', 'progressive', 'polite']],
  ['発表された', '発表', ['suru-verb', 'passive', 'past']],
  ['参加させる', '参加', ['suru-verb', 'causative']],
  ['増加している', '増加', ['suru-verb', 'progressive']],
  ['確認しました', '確認', ['suru-verb', 'polite', 'past']],
  ['行われました', '行う', ['passive', 'polite', 'past']],
  ['言及せず', '言及', ['suru-verb', 'negative-continuative']],
  ['至らず', '至る', ['negative-continuative']],
  ['確認しておらず', '確認', ['suru-verb', 'progressive', 'negative-continuative']],
  ['行われておらず', '行う', ['passive', 'progressive', 'negative-continuative']],
  ['示していた', '示す', ['progressive', 'past']],
  ['取り組むべき', '取り組む', ['should']],
  ['検討すべき', '検討', ['suru-verb', 'should']],
  ['続けたい', '続ける', ['desire']],
  ['高くない', '高い', ['negative']],
  ['高かった', '高い', ['past']],
  ['高ければ', '高い', ['conditional']],
  ['高く', '高い', ['adverbial']],
  ['強くなった', '強い', ['become', 'past']],
  ['難しそう', '難しい', ['appearance']],
  ['強まりそう', '強まる', ['appearance']],
  ['求められる', '求める', ['passive-potential']],
  ['考えさせられる', '考える', ['causative', 'passive-potential']],
  ['見られない', '見る', ['passive-potential', 'negative']],
  ['守れる', '守る', ['potential']],
  ['対応できる', '対応', ['suru-verb', 'potential']],
  ['取得できませんでした', '取得', ['suru-verb', 'potential', 'polite', 'negative', 'past']],
  ['行われませんでした', '行う', ['passive', 'polite', 'negative', 'past']],
  ['述べません', '述べる', ['polite', 'negative']],
  ['認めなければ', '認める', ['negative', 'conditional']],
  ['示さなかった', '示す', ['negative', 'past']],
  ['知られていない', '知る', ['passive', 'progressive', 'negative']],
  ['伝えて', '伝える', ['te']],
  ['進めてきた', '進める', ['te-kuru', 'past']],
  ['拡大していく', '拡大', ['suru-verb', 'te-iku']],
  ['失ってしまう', '失う', ['completion']],
  ['話し合った', '話し合う', ['past']],
  ['設けた', '設ける', ['past']],
  ['守ろう', '守る', ['volitional']],
  ['始めよう', '始める', ['volitional']],
  ['行けば', '行く', ['conditional']],
  ['決まったら', '決まる', ['conditional-tara']],
  ['努めたり', '努める', ['tari']],
  ['来なかった', '来る', ['negative', 'past']],
  ['来て', '来る', ['te']],
  ['書かされる', '書く', ['causative', 'passive']],
  ['問わず', '問う', ['negative-continuative']],
  ['知らぬ', '知る', ['classical-negative']],
  ['言わざる', '言う', ['classical-negative']],
  ['残された', '残す', ['passive', 'past']],
  ['働きながら', '働く', ['while']],
  ['読んでいる', '読む', ['progressive']],
  ['泳いだ', '泳ぐ', ['past']],
  ['死んだ', '死ぬ', ['past']],
  ['呼ばれた', '呼ぶ', ['passive', 'past']],
  ['いらっしゃいます', 'いらっしゃる', ['polite']],
  ['良かった', '良い', ['past']],
  ['断固たる', '断固', ['taru']],
  ['確固たる', '確固', ['taru']],
];

describe('deinflection of news forms, confirmed by EDICT', () => {
  it.each(NEWS_FORMS)('%s → %s', (surface, headword, reasons) => {
    expect(confirmed(surface)).toContainEqual({ word: headword, reasons });
    const entry = firstEntry(surface);
    expect(entry!.headword).toBe(headword);
    expect(entry!.inflection).toEqual(reasons);
    expect(entry!.matchLength).toBe(surface.length);
  });

  it('gives a past form of 行 both 行く and 行う; the tokens choose between them', () => {
    const words = confirmed('行った').map((c) => c.word);
    expect(words).toContain('行く');
    expect(words).toContain('行う');
  });

  it('shows a word with its own entry as itself, and still knows the conjugation', () => {
    // 高さ is a dictionary noun; the -sa noun of 高い is found too.
    expect(firstEntry('高さ')).toMatchObject({ headword: '高さ', inflection: null });
    expect(confirmed('高さ')).toContainEqual({ word: '高い', reasons: ['noun-suffix-sa'] });
    // とされる has an entry of its own ("is considered to"); とする + passive is the other reading.
    expect(confirmed('とされる')).toContainEqual({ word: 'とする', reasons: ['passive'] });
  });

  it('needs the part of speech to agree: 延長で is 延長 and a particle, not a conjugation', () => {
    const entry = firstEntry('延長で');
    expect(entry).toMatchObject({ headword: '延長', reading: 'えんちょう', inflection: null, matchLength: 2 });
    // A noun that cannot take する does not conjugate: 関係 can, 条約 cannot.
    expect(confirmed('関係した')).toContainEqual({ word: '関係', reasons: ['suru-verb', 'past'] });
    expect(confirmed('条約した')).toEqual([]);
    // Only a taru-adjective takes たる: 会議たる is not a form of 会議.
    expect(confirmed('会議たる')).toEqual([]);
  });

  it('keeps only the senses of the conjugated part of speech', () => {
    const entry = firstEntry('延長した');
    expect(entry!.headword).toBe('延長');
    expect(entry!.senses.flatMap((s) => s.glosses)).toContain('extension');
    // The era name 延長 (a plain noun sense) cannot be "延長した".
    expect(entry!.senses.flatMap((s) => s.glosses).join(' ')).not.toMatch(/era/);
  });

  it('says which word types a candidate must be', () => {
    const byWord = new Map(deinflect('交わされ').map((c) => [c.word, c]));
    expect(byWord.get('交わす')?.types).toEqual(['v5s']);
    expect(byWord.get('交わされる')?.types).toEqual(['v1']);
    expect(byWord.get('交わされ')?.pos).toBeNull();
    expect(deinflect('合意した').find((c) => c.word === '合意')?.pos).toEqual(['vs']);
  });

  it('uses only listed reason codes, and describes them in English for the CLI', () => {
    const used = new Set(NEWS_FORMS.flatMap(([s]) => deinflect(s).flatMap((c) => c.reasons)));
    for (const code of used) expect(INFLECTION_CODES).toContain(code);
    expect(describeInflection(['suru-verb', 'passive', 'progressive', 'polite'])).toBe(
      'suru verb · passive · progressive · polite',
    );
    expect(describeInflection([])).toBe('');
  });
});
