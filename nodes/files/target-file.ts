import { randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { link, rename, rm, stat, truncate, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { JunctionError, type JournalEntry, type WriteRequest } from '../../engine/sdk';

export type IfExists = 'overwrite' | 'append' | 'fail';

/** How a written file reaches its place; `before` in the journal says how to undo it. */
export type FileBefore = null | { backup: string } | { size: number };

/** Where a node writes while it runs: a temp file beside the destination, or the destination itself when appending. */
export interface TargetFile {
  /** The file being written now. */
  working: string;
  stream: WriteStream;
  isAppend: boolean;
  /** Closes the file and puts it in place through `write` (journaled). */
  commit(write: <R>(req: WriteRequest<R>) => Promise<R>, runId: string): Promise<{ path: string; bytes: number }>;
  /** Closes and removes what was half-written (or cuts an appended file back to its old size). */
  abort(): Promise<void>;
}

const closeStream = (s: WriteStream) => new Promise<void>((resolve, reject) => {
  if (s.closed) { resolve(); return; }
  s.once('close', () => resolve());
  s.once('error', reject);
  if (!s.writableEnded) s.end();
});

/** A hidden sibling that keeps the replaced file, so a rollback can put it back. */
export const backupPath = (path: string, runId: string) => join(dirname(path), `.${basename(path)}.before-${runId.replace(/[^A-Za-z0-9-]/g, '_')}`);

export function openTarget(dest: { path: string; exists: boolean; size: number }, ifExists: IfExists, canAppend: boolean): TargetFile {
  if (dest.exists && ifExists === 'fail') throw new JunctionError('file.exists', `"${dest.path}" already exists (the node is set to fail when it does)`, { path: 'params.destination.ifExists' });
  const isAppend = dest.exists && ifExists === 'append' && dest.size > 0;
  if (isAppend && !canAppend) throw new JunctionError('file.append', 'Only CSV and JSON Lines files can be appended to', { path: 'params.destination.ifExists' });
  const working = isAppend ? dest.path : join(dirname(dest.path), `.${basename(dest.path)}.${randomUUID().slice(0, 8)}.partial`);
  const stream = createWriteStream(working, { flags: isAppend ? 'a' : 'wx', highWaterMark: 1 << 20 });
  stream.on('error', () => { /* surfaced by the next write or close */ });
  return {
    working, stream, isAppend,
    async commit(write, runId) {
      await closeStream(stream);
      const { size } = await stat(working);
      const key = dest.path;
      const system = `file:${key}`;
      if (isAppend) {
        await write({ system, key, op: 'update', before: { size: dest.size } satisfies FileBefore, apply: () => ({ size }) });
        return { path: key, bytes: size - dest.size };
      }
      const exists = await stat(key).then(() => true, () => false);
      if (exists && ifExists === 'fail') { await rm(working, { force: true }); throw new JunctionError('file.exists', `"${key}" was created while the node was writing it (the node is set to fail when it exists)`); }
      if (!exists) {
        // link fails when someone created the file meanwhile: never silently replaced.
        await write({ system, key, op: 'create', before: null, apply: async () => { await link(working, key); await unlink(working); return { size }; } });
      } else {
        const backup = backupPath(key, runId);
        await write({ system, key, op: 'update', before: { backup } satisfies FileBefore, apply: async () => { await rename(key, backup); await rename(working, key); return { size }; } });
      }
      return { path: key, bytes: size };
    },
    async abort() {
      await closeStream(stream).catch(() => {});
      if (isAppend) await truncate(working, dest.size).catch(() => {});
      else await rm(working, { force: true });
    },
  };
}

/** A temp file for output that becomes binary data rather than a file in place. */
export function tempTarget(): { path: string; stream: WriteStream; close(): Promise<void>; remove(): Promise<void> } {
  const path = join(tmpdir(), `junction-write-${randomUUID()}`);
  const stream = createWriteStream(path, { flags: 'wx', mode: 0o600, highWaterMark: 1 << 20 });
  stream.on('error', () => {});
  return { path, stream, close: () => closeStream(stream), remove: () => rm(path, { force: true }) };
}

/** Undoes a journaled file write: removes a created file, restores a replaced one, cuts an append back. */
export async function revertFileWrite(entry: JournalEntry): Promise<void> {
  const before = entry.before as FileBefore;
  if (before === null) { await rm(entry.key, { force: true }); return; }
  if ('backup' in before) {
    try { await rename(before.backup, entry.key); } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new JunctionError('file.backup-gone', `The copy of "${entry.key}" kept from before the run (${before.backup}) is gone, so the old file cannot be put back`);
      throw e;
    }
    return;
  }
  await truncate(entry.key, before.size);
}
