import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { JunctionError } from '../sdk/errors';
import type { BinaryRef, BinaryStore } from '../sdk/types';

/**
 * Binary data of runs, as files in one folder per store (a run's process makes one and removes
 * it when it ends). A reference is a file name inside that folder, never a path an item can point
 * elsewhere: a ref read from a flow's pinned data cannot reach other files.
 */
export function createBinaryStore(dir = join(tmpdir(), `junction-binary-${process.pid}-${randomUUID()}`)): BinaryStore & { dispose(): void } {
  let isMade = false;
  const pathOf = (ref: BinaryRef) => {
    const name = String(ref?.ref ?? '');
    const full = resolve(dir, name);
    if (!/^[a-f0-9-]{36}$/.test(name) || !full.startsWith(dir + sep)) {
      throw new JunctionError('binary.unknown', 'This item refers to binary data that is not part of this run');
    }
    return full;
  };
  return {
    async put(data, meta) {
      if (!isMade) { mkdirSync(dir, { recursive: true, mode: 0o700 }); isMade = true; }
      const ref = randomUUID();
      const file = join(dir, ref);
      let size = 0;
      if (data instanceof Uint8Array) {
        await writeFile(file, data);
        size = data.byteLength;
      } else {
        const handle = await open(file, 'w');
        try {
          for await (const chunk of data) { await handle.write(chunk); size += chunk.byteLength; }
        } finally { await handle.close(); }
      }
      return { mimeType: meta.mimeType, ...(meta.fileName ? { fileName: meta.fileName } : {}), size, ref };
    },
    read: async (ref) => {
      try { return await readFile(pathOf(ref)); } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new JunctionError('binary.gone', `The binary data "${ref.fileName ?? ref.ref}" is no longer kept (it belonged to an earlier run)`);
        throw e;
      }
    },
    stream: (ref) => createReadStream(pathOf(ref)),
    dispose() { if (isMade) rmSync(dir, { recursive: true, force: true }); },
  };
}

let shared: ReturnType<typeof createBinaryStore> | undefined;

/** The process's store, removed when the process exits: runs of one process share it. */
export function processBinaryStore(): BinaryStore {
  if (!shared) {
    const store = (shared = createBinaryStore());
    process.once('exit', () => store.dispose());
  }
  return shared;
}
