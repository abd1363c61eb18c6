import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openRunStore } from './index';
import { isAlive } from './recover';

const root = mkdtempSync(join(tmpdir(), 'junction-store-crash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  expect(child.status).toBe(0);
  expect(isAlive(child.pid!)).toBe(false);
  return child.pid!;
}

function insertRunning(path: string, id: string, pid: number | null, host: string | null) {
  const db = new Database(path);
  db.prepare(
    `INSERT INTO runs (id, flow_id, flow_name, "trigger", mode, status, started_at, pid, host)
     VALUES (?, 'flow-1', 'Flow', 'manual', 'cli', 'running', '2026-01-01T00:00:00.000Z', ?, ?)`,
  ).run(id, pid, host);
  db.close();
}

describe('crash recovery', () => {
  it('marks runs of a dead process (or of no known process) crashed at the next open, and leaves live ones', () => {
    const path = join(root, 'crash.db');
    openRunStore(path).close();
    insertRunning(path, 'dead', deadPid(), hostname());
    insertRunning(path, 'alive', process.pid, hostname());
    insertRunning(path, 'unknown', null, null);
    insertRunning(path, 'elsewhere', 1, 'some-other-host');

    const store = openRunStore(path);
    const status = Object.fromEntries(store.listRuns().map((r) => [r.id, r.status]));
    expect(status).toEqual({ dead: 'crashed', alive: 'running', unknown: 'crashed', elsewhere: 'running' });
    const crashed = store.getRun('dead')!;
    expect(crashed.error?.code).toBe('run.crashed');
    expect(crashed.finishedAt).toBeDefined();
    expect(store.audit.list().map((a) => [a.action, a.target]).sort()).toEqual([['run.crashed', 'dead'], ['run.crashed', 'unknown']]);
    // Already done at open: a second pass finds nothing.
    expect(store.recoverCrashed()).toBe(0);
    store.close();
  });

  it('returns how many runs it marked', () => {
    const path = join(root, 'count.db');
    const store = openRunStore(path);
    const pid = deadPid();
    insertRunning(path, 'a', pid, hostname());
    insertRunning(path, 'b', pid, hostname());
    expect(store.recoverCrashed()).toBe(2);
    store.close();
  });
});
