/**
 * Who holds a detached DOM tree: a heap snapshot of the page (CDP HeapProfiler), and for each detached element the
 * shortest chain of strong references from the snapshot's root. The soak prints it when a reading-mode cycle leaves
 * detached nodes, so that a failure in CI says whose they are.
 */
import type { Page } from 'playwright-core';

interface SnapshotMeta {
  node_fields: string[];
  edge_fields: string[];
  edge_types: [string[], ...unknown[]];
}

interface HeapSnapshot {
  snapshot: { meta: SnapshotMeta };
  nodes: number[];
  edges: number[];
  strings: string[];
}

async function takeSnapshot(page: Page): Promise<HeapSnapshot> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => chunks.push(e.chunk));
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    return JSON.parse(chunks.join('')) as HeapSnapshot;
  } finally {
    await cdp.detach();
  }
}

/** Retainer chains, root first, of up to `limit` detached elements (one line per reference). */
export async function detachedRetainers(page: Page, limit = 2): Promise<string[][]> {
  const snap = await takeSnapshot(page);
  const { meta } = snap.snapshot;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const nameField = meta.node_fields.indexOf('name');
  const edgeCountField = meta.node_fields.indexOf('edge_count');
  // 2: detached from the document (V8 asks Blink for each wrapper of a DOM node).
  const detachedField = meta.node_fields.indexOf('detachedness');
  const typeField = meta.edge_fields.indexOf('type');
  const nameOrIndexField = meta.edge_fields.indexOf('name_or_index');
  const toField = meta.edge_fields.indexOf('to_node');
  const edgeTypes = meta.edge_types[0];
  const { nodes, edges, strings } = snap;
  const count = nodes.length / nf;
  const firstEdge = new Int32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += nodes[i * nf + edgeCountField]! * ef;
    firstEdge[i + 1] = e;
  }
  const name = (i: number) => strings[nodes[i * nf + nameField]!] ?? '?';
  // Breadth first from the root over strong references: each node's first finder is on a shortest chain.
  const from = new Int32Array(count).fill(-1);
  const via = new Int32Array(count).fill(-1);
  from[0] = 0;
  const queue = [0];
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    for (let e = firstEdge[i]!; e < firstEdge[i + 1]!; e += ef) {
      const type = edgeTypes[edges[e + typeField]!];
      if (type === 'weak' || type === 'shortcut') continue;
      const to = edges[e + toField]! / nf;
      if (from[to] !== -1) continue;
      from[to] = i;
      via[to] = e;
      queue.push(to);
    }
  }
  const chains: string[][] = [];
  for (let i = 0; i < count && chains.length < limit; i++) {
    const detached = detachedField >= 0 ? nodes[i * nf + detachedField] === 2 : name(i).startsWith('Detached ');
    if (!detached || from[i] === -1) continue;
    const chain: string[] = [];
    for (let j = i; j > 0 && chain.length < 30; j = from[j]!) {
      const e = via[j]!;
      const type = edgeTypes[edges[e + typeField]!] ?? '?';
      const edgeName =
        type === 'element' || type === 'hidden'
          ? String(edges[e + nameOrIndexField])
          : (strings[edges[e + nameOrIndexField]!] ?? '?');
      chain.push(`${name(from[j]!).slice(0, 60)} —${edgeName.slice(0, 30)}→ ${name(j).slice(0, 40)}`);
    }
    chains.push(chain.reverse());
  }
  return chains;
}
