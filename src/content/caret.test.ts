// @vitest-environment happy-dom
import { charAtPoint } from './caret';

// happy-dom does no layout: the browser's hit testing is stood in for by what Chromium answers (checked in
// tests/e2e/stress.chromium.e2e.ts): caretPositionFromPoint stops at a shadow host unless given its root.
function cardWithShadowText(text: string, mode: ShadowRootMode = 'open') {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  const root = host.attachShadow({ mode });
  const p = document.createElement('p');
  p.textContent = text;
  root.append(p);
  const node = p.firstChild as Text;
  const doc = document as unknown as { caretPositionFromPoint?: unknown };
  doc.caretPositionFromPoint = (_x: number, _y: number, options?: { shadowRoots?: ShadowRoot[] }) =>
    options?.shadowRoots?.includes(root) ? { offsetNode: node, offset: 1 } : { offsetNode: document.body, offset: 0 };
  vi.spyOn(document, 'elementFromPoint').mockReturnValue(host);
  (root as ShadowRoot & { elementFromPoint: (x: number, y: number) => Element | null }).elementFromPoint = () => p;
  // Every character's box holds the point: which one is hit is the caret's business here.
  vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([
    { left: 0, top: 0, right: 20, bottom: 20 },
  ] as unknown as DOMRectList);
  return { host, root, node };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('charAtPoint', () => {
  it('finds the character in an open shadow root, where the caret APIs stop at the host when not shown it', () => {
    const { node } = cardWithShadowText('大統領が電話会談した');
    const hit = charAtPoint(document, 10, 10);
    expect(hit?.node).toBe(node);
    expect(hit && node.data[hit.offset]).toBe('大');
  });

  it('finds nothing under a closed shadow root: the page keeps it closed', () => {
    const host = document.createElement('div');
    document.body.replaceChildren(host);
    host.attachShadow({ mode: 'closed' });
    const doc = document as unknown as { caretPositionFromPoint?: unknown };
    const asked: unknown[] = [];
    doc.caretPositionFromPoint = (_x: number, _y: number, options?: unknown) => {
      asked.push(options);
      return { offsetNode: document.body, offset: 0 };
    };
    vi.spyOn(document, 'elementFromPoint').mockReturnValue(host);
    expect(charAtPoint(document, 10, 10)).toBeNull();
    expect(asked).toEqual([undefined]);
  });
});
