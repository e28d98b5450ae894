import type { VocabList } from '../core/vocab/word';
import { listLabel } from '../ui/list-label';

/** The user's lists as `<option>`s, for every list chooser of the page. */
export function ListOptions({ lists }: { lists: VocabList[] }) {
  return (
    <>
      {lists.map((l) => (
        <option key={l.id} value={l.id}>
          {listLabel(l)}
        </option>
      ))}
    </>
  );
}
