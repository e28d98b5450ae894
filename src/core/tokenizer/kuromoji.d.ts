declare module 'kuromoji/src/dict/DynamicDictionaries.js' {
  export default class DynamicDictionaries {
    loadTrie(base: Int32Array, check: Int32Array): this;
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
  }
}
