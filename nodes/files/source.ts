import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { toBuffer, type BinaryRef, type BinaryStore } from '../../engine/sdk';

/** Bytes to read, from a file or from an item's binary data, with a way to look at the start first. */
export interface ByteSource {
  /** The file name or path, for messages and the format by extension. */
  name: string;
  /** The first `n` bytes (fewer when the source is shorter). */
  head(n: number): Promise<Buffer>;
  /** The last `n` bytes, for formats whose directory sits at the end (a ZIP). */
  tail(n: number): Promise<Buffer>;
  stream(): Readable;
}

export function fileSource(path: string): ByteSource {
  const slice = async (n: number, fromEnd: boolean) => {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const length = Math.min(n, size);
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buf, 0, length, fromEnd ? size - length : 0);
      return buf.subarray(0, bytesRead);
    } finally { await handle.close(); }
  };
  return {
    name: path,
    head: (n) => slice(n, false),
    tail: (n) => slice(n, true),
    stream: () => createReadStream(path, { highWaterMark: 256 * 1024 }),
  };
}

export function binarySource(ref: BinaryRef, store: BinaryStore, label: string): ByteSource {
  const head = async (n: number) => {
    const parts: Buffer[] = [];
    let got = 0;
    for await (const chunk of store.stream(ref)) {
      parts.push(Buffer.from(chunk));
      got += chunk.byteLength;
      if (got >= n) break; // leaving the loop closes the stream
    }
    return Buffer.concat(parts).subarray(0, n);
  };
  return {
    name: ref.fileName ?? label,
    head,
    tail: async (n) => { const all = toBuffer(await store.read(ref)); return all.subarray(Math.max(0, all.length - n)); },
    stream: () => Readable.from(store.stream(ref)),
  };
}
