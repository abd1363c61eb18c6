/**
 * The binary store hands out bytes as Uint8Array (the SDK's types are shared with the editor,
 * which has no Buffer); at run time they are Buffers. This views them as one without a copy.
 */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
