import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkerReply } from './types';

/**
 * Large results cross from the sandbox process as a file in a private folder instead of through
 * the IPC channel: the channel costs the host about 5 ms of CPU per MB (framing, copying 64 KB
 * chunks, deserialising), a file read about 1 ms. The host names the file; the process only
 * writes it. The folder goes when the process does.
 */
export interface ResultFiles {
  /** Where the process may write the result of request `id`; none when no folder could be made. */
  pathFor(id: number): string | undefined;
  /** The reply with its result read back from the file (which is then removed), when it was sent that way. */
  take(reply: WorkerReply): WorkerReply;
  remove(): void;
}

export function openResultFiles(): ResultFiles {
  const dir = privateFolder();
  const pathFor = (id: number) => (dir === undefined ? undefined : join(dir, `result-${id}.json`));
  return {
    pathFor,
    take(reply) {
      const file = reply.resultInFile ? pathFor(reply.id) : undefined;
      if (file === undefined) return reply;
      try {
        return { ...reply, resultInFile: undefined, resultJson: readFileSync(file, 'utf8') };
      } catch (e) {
        const message = `The Code sandbox could not hand over its result: ${(e as Error).message}`;
        return { id: reply.id, ok: false, logs: reply.logs, fault: true, error: { code: 'code.error', message } };
      } finally {
        rmSync(file, { force: true });
      }
    },
    remove: () => { if (dir !== undefined) rmSync(dir, { recursive: true, force: true }); },
  };
}

/** A new folder only this user can read (mkdtemp makes it 0700), or none: results then use the channel. */
function privateFolder(): string | undefined {
  try {
    return mkdtempSync(join(tmpdir(), 'junction-sandbox-'));
  } catch {
    return undefined;
  }
}
