/** Which reading of a dictionary entry to show for the form the text matched. */
import { readingsOf } from '../dict/readings';
import { toHiragana } from '../text/kana';
import type { Form, WordEntry } from '../types';

/** The reading in hiragana: of the kana that matched, or the entry's reading for a spelling (`preferred` if listed). */
export function readingFor(entry: WordEntry, form: Form, byKanji: boolean, preferred: string | null): string {
  if (!byKanji) return toHiragana(form.text);
  const kana = readingsOf(entry, form.text);
  const readings = kana.map((f) => toHiragana(f.text));
  if (preferred !== null) {
    const wanted = toHiragana(preferred);
    if (readings.includes(wanted)) return wanted;
  }
  const usual = kana.find((f) => !f.tags?.some((t) => t === 'ok' || t === 'ik'));
  return toHiragana((usual ?? kana[0])?.text ?? form.text);
}
