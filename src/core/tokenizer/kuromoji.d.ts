declare module 'kuromoji/src/dict/DynamicDictionaries.js' {
  export default class DynamicDictionaries {
    loadTrie(base: Int32Array, check: Int32Array): this;
    token_info_dictionary: {
      loadDictionary(tid: Uint8Array): unknown;
      loadPosVector(pos: Uint8Array): unknown;
      getFeatures(id: string | number): string;
      dictionary: { getInt(index: number): number; buffer: Uint8Array };
      pos_buffer: { buffer: Uint8Array };
    };
    unknown_dictionary: import('./compact-dict').UnknownDictionaryLike & {
      dictionary: { buffer: Uint8Array };
      pos_buffer: { buffer: Uint8Array };
    };
    loadTokenInfoDictionaries(info: Uint8Array, pos: Uint8Array, map: Uint8Array): this;
    loadConnectionCosts(cc: Int16Array): this;
    loadUnknownDictionaries(
      unk: Uint8Array,
      pos: Uint8Array,
      map: Uint8Array,
      cat: Uint8Array,
      compat: Uint32Array,
      invoke: Uint8Array,
    ): this;
  }
}
declare module 'kuromoji/src/Tokenizer.js' {
  export default class Tokenizer {
    constructor(dic: unknown);
    tokenize(text: string): unknown[];
    viterbi_builder: { build(sentence: string): unknown };
  }
}
declare module 'kuromoji/src/viterbi/ViterbiLattice.js' {
  export default class ViterbiLattice {
    append(node: unknown): void;
    appendEos(): void;
  }
}
declare module 'kuromoji/src/viterbi/ViterbiNode.js' {
  export default class ViterbiNode {
    constructor(
      name: number,
      cost: number,
      startPos: number,
      length: number,
      type: string,
      leftId: number,
      rightId: number,
      surface: string,
    );
  }
}
