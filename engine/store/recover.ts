import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import type { AuditStore } from './types';

/** True when a process with this id exists on this machine (EPERM: it exists but is not ours). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Marks runs still 'running' whose process is gone as 'crashed'. A run from another host is left
 * alone (its process cannot be checked from here); one with no pid or host is taken as gone.
 * A reused pid makes a dead run look alive: it stays 'running' until that process ends too.
 */
export function recoverCrashed(db: Database.Database, audit: AuditStore, now: () => string = () => new Date().toISOString()): number {
  const here = hostname();
  const running = db.prepare("SELECT id, flow_id, pid, host FROM runs WHERE status = 'running'");
  const mark = db.prepare(
    `UPDATE runs SET status = 'crashed', finished_at = ?, error_code = 'run.crashed',
       error_message = 'The process running this flow stopped before the run finished.'
     WHERE id = ? AND status = 'running'`,
  );
  const gone = (running.all() as { id: string; flow_id: string; pid: number | null; host: string | null }[])
    .filter((run) => run.pid === null || run.host === null || (run.host === here && !isAlive(run.pid)));
  if (gone.length === 0) return 0; // the usual open: no write lock taken
  return db.transaction(() => {
    let count = 0;
    for (const run of gone) {
      // `status = 'running'` in the UPDATE: the run may have finished since the SELECT.
      if (mark.run(now(), run.id).changes === 0) continue;
      audit.append({ actor: 'engine', action: 'run.crashed', target: run.id, detail: { status: 'crashed', flowId: run.flow_id } });
      count++;
    }
    return count;
  }).immediate();
}
