/**
 * Where an engine context's JS heap goes: a V8 heap snapshot (as DevTools saves it) broken down by owner.
 *
 * An owner's figure is its retained size: what would be freed if the owner went away, found as the bytes no longer
 * reachable from the roots once the owner's node is cut out (weak edges are not followed). Owners are found by the
 * property names their objects carry (minification keeps property names): kuromoji's tokenizer and dictionaries,
 * the word and name indexes (`keysWithPrefix`), the glossary (`unmatchable`), the kanji index, and every Map (caches).
 */

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface Owner {
  label: string;
  /** Retained bytes. */
  bytes: number;
  /** Nested under another owner (not added to the owners' total). */
  nested?: boolean;
}

export interface HeapBreakdown {
  /** Bytes reachable from the roots (what the snapshot counts as live). */
  total: number;
  owners: Owner[];
  /** Self size by node type (code, strings, arrays, native backing stores…) of what no owner retains. */
  rest: Record<string, number>;
  /** Single nodes of 256 KiB or more (typed-array backing stores): size and the owner that retains them. */
  large: { bytes: number; name: string; owner: string }[];
}

class Graph {
  readonly count: number;
  readonly type: Uint8Array;
  readonly name: Uint32Array;
  readonly size: Float64Array;
  readonly firstEdge: Uint32Array;
  readonly edgeType: Uint8Array;
  readonly edgeName: Uint32Array;
  readonly edgeTo: Uint32Array;
  readonly typeNames: string[];
  readonly edgeTypeNames: string[];
  readonly strings: string[];

  constructor(s: Snapshot) {
    const nf = s.snapshot.meta.node_fields;
    const ef = s.snapshot.meta.edge_fields;
    const nStride = nf.length;
    const eStride = ef.length;
    const [iType, iName, iSize, iEdges] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nf.indexOf(f)) as [number, number, number, number];
    const [jType, jName, jTo] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f)) as [number, number, number];
    this.count = s.nodes.length / nStride;
    this.type = new Uint8Array(this.count);
    this.name = new Uint32Array(this.count);
    this.size = new Float64Array(this.count);
    this.firstEdge = new Uint32Array(this.count + 1);
    let e = 0;
    for (let n = 0; n < this.count; n++) {
      const at = n * nStride;
      this.type[n] = s.nodes[at + iType]!;
      this.name[n] = s.nodes[at + iName]!;
      this.size[n] = s.nodes[at + iSize]!;
      this.firstEdge[n] = e;
      e += s.nodes[at + iEdges]!;
    }
    this.firstEdge[this.count] = e;
    this.edgeType = new Uint8Array(e);
    this.edgeName = new Uint32Array(e);
    this.edgeTo = new Uint32Array(e);
    for (let k = 0; k < e; k++) {
      this.edgeType[k] = s.edges[k * eStride + jType]!;
      this.edgeName[k] = s.edges[k * eStride + jName]!;
      this.edgeTo[k] = s.edges[k * eStride + jTo]! / nStride;
    }
    this.typeNames = s.snapshot.meta.node_types[0];
    this.edgeTypeNames = s.snapshot.meta.edge_types[0];
    this.strings = s.strings;
  }

  nodeName(n: number): string {
    return this.strings[this.name[n]!] ?? '';
  }

  /** Property names of node n (named edges of type property). */
  properties(n: number): Set<string> {
    const out = new Set<string>();
    const property = this.edgeTypeNames.indexOf('property');
    for (let k = this.firstEdge[n]!; k < this.firstEdge[n + 1]!; k++)
      if (this.edgeType[k]! === property) out.add(this.strings[this.edgeName[k]!]!);
    return out;
  }

  /** The node a named edge (property, internal or context variable) of n leads to. */
  child(n: number | undefined, edge: string): number | undefined {
    if (n === undefined) return undefined;
    const element = this.edgeTypeNames.indexOf('element');
    const hidden = this.edgeTypeNames.indexOf('hidden');
    for (let k = this.firstEdge[n]!; k < this.firstEdge[n + 1]!; k++) {
      const t = this.edgeType[k]!;
      if (t !== element && t !== hidden && this.strings[this.edgeName[k]!] === edge) return this.edgeTo[k]!;
    }
    return undefined;
  }

  /** Marks everything reachable from the root (node 0) without passing through `cut`; returns the bytes reached. */
  reach(seen: Uint8Array, cut: readonly number[] = []): number {
    seen.fill(0);
    for (const c of cut) seen[c] = 1;
    const weak = this.edgeTypeNames.indexOf('weak');
    const queue = new Uint32Array(this.count);
    let head = 0;
    let tail = 0;
    queue[tail++] = 0;
    seen[0] = 1;
    let bytes = 0;
    while (head < tail) {
      const n = queue[head++]!;
      bytes += this.size[n]!;
      for (let k = this.firstEdge[n]!; k < this.firstEdge[n + 1]!; k++) {
        if (this.edgeType[k] === weak) continue;
        const to = this.edgeTo[k]!;
        if (!seen[to]!) {
          seen[to] = 1;
          queue[tail++] = to;
        }
      }
    }
    return bytes;
  }
}

export function analyzeHeap(json: string): HeapBreakdown {
  const g = new Graph(JSON.parse(json) as Snapshot);
  const live = new Uint8Array(g.count);
  const total = g.reach(live);
  const objectType = g.typeNames.indexOf('object');

  // Owners, found by shape.
  const found: { label: string; node: number; nested?: boolean }[] = [];
  // kuromoji's parts that closures also hold (the feature decoder, the token-info dictionary): cut with it.
  const kuromojiParts: number[] = [];
  const wordIndexes: number[] = [];
  const maps: number[] = [];
  for (let n = 0; n < g.count; n++) {
    if (!live[n] || g.type[n] !== objectType) continue;
    if (g.nodeName(n) === 'Map') {
      maps.push(n);
      continue;
    }
    const props = g.properties(n);
    if (props.has('viterbi_builder') && props.has('viterbi_searcher')) {
      found.push({ label: 'kuromoji (all)', node: n });
      const tid = g.child(n, 'token_info_dictionary');
      const parts: [string, number | undefined][] = [
        ['kuromoji trie and target map (base.dat)', g.child(g.child(n, 'viterbi_builder'), 'trie')],
        ['kuromoji token info: target_map', g.child(tid, 'target_map')],
        ['kuromoji token info: dictionary', g.child(tid, 'dictionary')],
        ['kuromoji token info: pos_buffer', g.child(tid, 'pos_buffer')],
        ['kuromoji token info: index', g.child(tid, 'index')],
        ['kuromoji connection costs', g.child(g.child(n, 'viterbi_searcher'), 'connection_costs')],
        ['kuromoji unknown dictionary', g.child(n, 'unknown_dictionary')],
      ];
      for (const [label, node] of parts) if (node !== undefined) found.push({ label, node, nested: true });
      if (tid !== undefined) kuromojiParts.push(tid);
    } else if (props.has('records') && props.has('table')) {
      found.push({ label: 'kuromoji feature lines (tid_pos)', node: n, nested: true });
      kuromojiParts.push(n);
    } else if (props.has('keysWithPrefix') && props.has('keyCount')) wordIndexes.push(n);
    else if (props.has('unmatchable') && props.has('find')) found.push({ label: 'glossary index', node: n });
    else if (props.has('get') && props.has('size') && !props.has('set') && !props.has('keysWithPrefix'))
      found.push({ label: `object {get, size} (kanji index?)`, node: n });
  }

  const seen = new Uint8Array(g.count);
  const retained = (node: number, also: readonly number[] = []) => total - g.reach(seen, [node, ...also]);
  const owners: Owner[] = [];
  // For each node, the top-level owner that retains it (index into labels; 0: none).
  const ownedBy = new Uint16Array(g.count);
  const labels = ['(none of the owners)'];

  const measure = (label: string, node: number, nested = false) => {
    const bytes = retained(node, label === 'kuromoji (all)' ? kuromojiParts : []);
    owners.push({ label, bytes, ...(nested && { nested }) });
    if (!nested) {
      labels.push(label);
      for (let n = 0; n < g.count; n++) if (live[n] && !seen[n] && !ownedBy[n]) ownedBy[n] = labels.length - 1;
    }
    return bytes;
  };
  // The larger word index is EDICT's, the smaller ENAMDICT's.
  const sizedIndexes = wordIndexes.map((node) => ({ node, bytes: retained(node) })).sort((a, b) => b.bytes - a.bytes);
  sizedIndexes.forEach(({ node }, i) =>
    measure(i === 0 ? 'word index (EDICT)' : i === 1 ? 'name index (ENAMDICT)' : `word index #${i + 1}`, node),
  );
  // Nested parts after the top-level owners, so that ownedBy knows every top-level owner first.
  for (const { label, node } of found.filter((f) => !f.nested)) measure(label, node);
  for (const { label, node } of found.filter((f) => f.nested)) measure(label, node, true);

  // Maps: caches (tokens, decoded entries, glossary keys, kanji rows…), each labelled by a sample key.
  // Only the Maps with the biggest hash tables: a retained size costs a walk of the whole heap.
  const tableSize = (node: number) => {
    const table = g.child(node, 'table');
    return table === undefined ? 0 : g.size[table]!;
  };
  const mapSizes = maps
    .sort((a, b) => tableSize(b) - tableSize(a))
    .slice(0, 16)
    .map((node) => ({ node, bytes: retained(node) }))
    .filter((m) => m.bytes >= 64 * 1024)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 8);
  for (const { node } of mapSizes) {
    const table = g.child(node, 'table');
    let sample = '';
    if (table !== undefined) {
      const stringTypes = new Set(['string', 'concatenated string', 'sliced string'].map((t) => g.typeNames.indexOf(t)));
      for (let k = g.firstEdge[table]!; k < g.firstEdge[table + 1]! && !sample; k++)
        if (stringTypes.has(g.type[g.edgeTo[k]!]!)) sample = g.nodeName(g.edgeTo[k]!).slice(0, 12);
    }
    const owner = ownedBy[node];
    const inside = owner ? ` in ${labels[owner]}` : '';
    measure(`Map (key e.g. ${JSON.stringify(sample)})${inside}`, node, !!inside);
  }

  // What no top-level owner retains, by node type.
  const cut = [...sizedIndexes.map((x) => x.node), ...found.filter((f) => !f.nested).map((f) => f.node), ...kuromojiParts];
  g.reach(seen, cut);
  const rest: Record<string, number> = {};
  for (let n = 0; n < g.count; n++) {
    if (!seen[n] || cut.includes(n)) continue;
    let key = g.typeNames[g.type[n]!] ?? '';
    if (key === 'native') key = `native: ${g.nodeName(n).replace(/ \/ .*$/, '')}`;
    else if (key === 'object' && ['ArrayBuffer', 'Uint8Array', 'Int32Array'].includes(g.nodeName(n)))
      key = `object: ${g.nodeName(n)}`;
    rest[key] = (rest[key] ?? 0) + g.size[n]!;
  }
  const large: HeapBreakdown['large'] = [];
  for (let n = 0; n < g.count; n++)
    if (live[n] && g.size[n]! >= 256 * 1024)
      large.push({ bytes: g.size[n]!, name: g.nodeName(n), owner: labels[ownedBy[n]!] ?? '' });
  return { total, owners, rest, large: large.sort((a, b) => b.bytes - a.bytes) };
}

const mb = (bytes: number) => (bytes / 1048576).toFixed(1).padStart(7);

export function formatBreakdown(title: string, b: HeapBreakdown): string {
  const lines = [`${title}: ${mb(b.total).trim()} MiB live JS heap (incl. array buffers)`];
  let owned = 0;
  for (const o of b.owners) {
    if (!o.nested) owned += o.bytes;
    lines.push(`  ${mb(o.bytes)} MiB  ${o.nested ? '  ' : ''}${o.label}`);
  }
  lines.push(`  ${mb(b.total - owned)} MiB  everything else:`);
  for (const [k, v] of Object.entries(b.rest).sort((x, y) => y[1] - x[1]).slice(0, 10))
    lines.push(`  ${mb(v)} MiB    ${k}`);
  lines.push('  single large nodes (≥ 256 KiB):');
  for (const l of b.large) lines.push(`  ${mb(l.bytes)} MiB    ${l.name} ← ${l.owner}`);
  return lines.join('\n');
}
