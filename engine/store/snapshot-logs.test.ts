import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { testTypes } from '../../test/fixtures/test-nodes';
import { executeFlow } from '../exec/execute';
import type { CodeRunner } from '../sdk';
import { migrate, MIGRATIONS } from './migrations';
import { MAX_LOG_CHARS, MAX_LOG_LINES } from './recorder';
import { openRunStore } from './index';

const root = mkdtempSync(join(tmpdir(), 'junction-store-snap-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const noCode: CodeRunner = { run: () => Promise.reject(new Error('no code here')) };

const flowWith = (lines: number, length = 5) => buildFlow(
  [{ type: 'test.source', name: 'Source', params: { n: 2 } }, { type: 'test.log', name: 'Log', params: { lines, length } }],
  ['Source -> Log'], { pinned: { Source: [{ pinned: true }] } },
);

describe('run history', () => {
  it('keeps the flow as it ran, once per distinct content, without pinned data', async () => {
    const path = join(root, 'snap.db');
    const store = openRunStore(path);
    const rt = { types: testTypes, code: noCode, store };
    const a = await executeFlow(rt, flowWith(1));
    const b = await executeFlow(rt, flowWith(1));
    const changed = flowWith(1);
    changed.nodes[1].params = { lines: 1, length: 9 };
    const c = await executeFlow(rt, changed);
    expect(store.getRun(a.runId)!.flow).toEqual({ ...flowWith(1), pinned: {} });
    expect(store.getRun(b.runId)!.flow).toEqual(store.getRun(a.runId)!.flow);
    expect(store.getRun(c.runId)!.flow!.nodes[1].params).toEqual({ lines: 1, length: 9 });
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM flow_snapshots').pluck().get()).toBe(2);
    db.close();
  });

  it("keeps each node run's log lines with their level, capped in count and length", async () => {
    const store = openRunStore(join(root, 'logs.db'));
    const rt = { types: testTypes, code: noCode, store };
    const few = await executeFlow(rt, flowWith(3));
    expect(store.getRun(few.runId)!.nodes.find((n) => n.nodeId === 'Log')!.logs).toEqual([
      { level: 'info', message: '0:xxxxx' }, { level: 'info', message: '1:xxxxx' }, { level: 'warn', message: '2:xxxxx' },
    ]);
    expect(store.getRun(few.runId)!.nodes.find((n) => n.nodeId === 'Source')!.logs).toBeUndefined();

    const many = await executeFlow(rt, flowWith(MAX_LOG_LINES + 40, MAX_LOG_CHARS * 3));
    const logs = store.getRun(many.runId)!.nodes.find((n) => n.nodeId === 'Log')!.logs!;
    expect(logs).toHaveLength(MAX_LOG_LINES + 1);
    expect(logs.every((l) => l.message.length <= MAX_LOG_CHARS)).toBe(true);
    expect(logs[MAX_LOG_LINES]).toEqual({ level: 'info', message: '… 40 more lines not kept' });
    store.close();
  });

  it('upgrades a history written before snapshots: old runs read back without flow, logs or failed items', () => {
    const path = join(root, 'old.db');
    const old = new Database(path);
    migrate(old, path, MIGRATIONS.slice(0, 1));
    old.prepare(`INSERT INTO runs (id, flow_id, flow_name, "trigger", mode, status, started_at, finished_at, duration_ms, items_out)
      VALUES ('r_old', 'f', 'Old', 'manual', 'manual', 'success', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z', 1000, 2)`).run();
    old.prepare(`INSERT INTO node_runs (run_id, node_id, node_name, node_type, status, finished_at, duration_ms, items_in, items_out, sample_in, sample_out)
      VALUES ('r_old', 'n', 'N', 'core.set', 'success', '2026-01-01T00:00:01.000Z', 3, '{}', '{"main":2}', '{}', '{}')`).run();
    old.close();
    const store = openRunStore(path);
    const run = store.getRun('r_old')!;
    expect(run).toMatchObject({ id: 'r_old', status: 'success', itemsOut: 2 });
    expect(run.flow).toBeUndefined();
    expect(run.failedItems).toBeUndefined();
    expect(run.nodes[0].logs).toBeUndefined();
    store.close();
  });
});
