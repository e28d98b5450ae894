/**
 * Gives a buffer's memory back now rather than at the next garbage collection, by detaching it (ES2024
 * `ArrayBuffer.prototype.transfer`; where it is missing, as in Node 20, the buffer is left to the collector). Firefox
 * collects late: buffers the engine is done with would otherwise stay in memory, tens of megabytes of them after the
 * load. Only for a buffer nothing else will read: the view must cover it whole (a stream may hand out views of a
 * buffer it still uses).
 */
export function releaseBuffer(bytes: ArrayBufferView): void {
  const buffer = bytes.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer };
  if (bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) buffer.transfer?.(0);
}
