/**
 * Anki's field formats: furigana as 漢字[かんじ] (Anki's {{furigana:}} filter reads the base from the last space up
 * to the bracket), the example sentence with the word in bold, and the cloze 〜{{c1::word}}〜. Fields are HTML,
 * so text is escaped.
 */
import { toHiragana } from '../text/kana';
import { sentenceParts, type VocabSentence } from './word';

/** Characters that take a reading above them: kanji, and 々 〆 ヶ, which only occur inside kanji spellings. */
function isRubyBase(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x20000 && c <= 0x2ffff) ||
    ch === '々' ||
    ch === '〆' ||
    ch === 'ヶ' ||
    ch === 'ヵ'
  );
}

/** The headword cut into runs of kanji and runs of everything else (kana, Latin letters, digits). */
function runs(headword: string): { text: string; kanji: boolean }[] {
  const out: { text: string; kanji: boolean }[] = [];
  for (const ch of headword) {
    const kanji = isRubyBase(ch);
    const last = out[out.length - 1];
    if (last && last.kanji === kanji) last.text += ch;
    else out.push({ text: ch, kanji });
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * 取り組む + とりくむ → "取[と]り 組[く]む": each kanji run gets the part of the reading between the kana around it.
 * When the kana of the spelling cannot be found in the reading (an irregular reading), the whole word takes the
 * whole reading: "今日[きょう]". Words without kanji need no furigana.
 */
export function ankiFurigana(headword: string, reading: string): string {
  const parts = runs(headword);
  if (!reading || !parts.some((p) => p.kanji)) return headword;
  const pattern = parts.map((p) => (p.kanji ? '(.+?)' : `(${escapeRegExp(toHiragana(p.text))})`)).join('');
  const match = new RegExp(`^${pattern}$`, 'u').exec(toHiragana(reading));
  if (!match) return `${headword}[${reading}]`;
  let out = '';
  let at = 0;
  parts.forEach((p, i) => {
    const length = match[i + 1]!.length;
    // toHiragana maps one code unit to one, so offsets into the hiragana reading hold for the original.
    const said = reading.slice(at, at + length);
    at += length;
    out += p.kanji ? `${out ? ' ' : ''}${p.text}[${said}]` : p.text;
  });
  return out;
}

/** "取[と]り 組[く]む" → "とりくむ"; text without brackets is returned as it is. */
export function readingFromFurigana(furigana: string): string {
  return furigana.replace(/ ?([^ [\]]*?)\[([^\]]*)\]/g, (_, _base: string, said: string) => said).replace(/ /g, '');
}

/** "取[と]り 組[く]む" → "取り組む". */
export function headwordFromFurigana(furigana: string): string {
  return furigana.replace(/\[[^\]]*\]/g, '').replace(/ /g, '');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Field HTML → text: <br> becomes a line feed, other tags go, entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/** The sentence as Anki HTML with the word in bold. */
export function sentenceHtml(s: Pick<VocabSentence, 'text' | 'start' | 'end'>): string {
  const [before, word, after] = sentenceParts(s);
  if (!word) return escapeHtml(s.text);
  return `${escapeHtml(before)}<b>${escapeHtml(word)}</b>${escapeHtml(after)}`;
}

/** The sentence with the word as Anki's first cloze deletion. */
export function clozeHtml(s: Pick<VocabSentence, 'text' | 'start' | 'end'>): string {
  const [before, word, after] = sentenceParts(s);
  if (!word) return escapeHtml(s.text);
  return `${escapeHtml(before)}{{c1::${escapeHtml(word)}}}${escapeHtml(after)}`;
}

/**
 * A sentence field back to text and the word's place in it: the bold part (our Sentence column) or the first cloze
 * (the Cloze column); otherwise the first place the headword occurs.
 */
export function parseMarkedSentence(field: string, headword: string): { text: string; start: number; end: number } {
  const bold = /^([\s\S]*?)<b>([\s\S]*?)<\/b>([\s\S]*)$/i.exec(field);
  const cloze = /^([\s\S]*?)\{\{c\d+::([\s\S]*?)(?:::[\s\S]*?)?\}\}([\s\S]*)$/.exec(field);
  const marked = bold ?? cloze;
  if (marked) {
    const before = htmlToText(marked[1]!);
    const word = htmlToText(marked[2]!);
    const after = htmlToText(marked[3]!);
    return { text: before + word + after, start: before.length, end: before.length + word.length };
  }
  const text = htmlToText(field);
  const at = headword ? text.indexOf(headword) : -1;
  return at >= 0 ? { text, start: at, end: at + headword.length } : { text, start: 0, end: 0 };
}

/** A list name as one Anki tag: tags are separated by spaces, so spaces inside a name become underscores. */
export function tagOf(name: string): string {
  return name.trim().replace(/\s+/g, '_');
}
