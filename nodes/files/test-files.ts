import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A temp folder for one test file, removed after its tests; `put` writes a file into it. */
export function tempFolder(prefix = 'junction-files-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    path: (name: string) => join(dir, name),
    put(name: string, data: string | Uint8Array) { const p = join(dir, name); writeFileSync(p, data); return p; },
  };
}
