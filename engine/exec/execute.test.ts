import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { testTypes } from '../../test/fixtures/test-nodes';
import { builtinRegistry } from '../registry';
import { openRunStore } from '../store';
import type { CodeRunner } from '../sdk';
import { allowedEnv, executeFlow, rollbackRun } from '.';

const noCode: CodeRunner = { run: () => Promise.reject(new Error('no code here')) };

describe('executeFlow', () => {
  it('records the run, journals writes to a real file, and rolls them back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'junction-runner-'));
    const file = join(dir, 'customers.json');
    writeFileSync(file, JSON.stringify({ a: 'old' }));
    const store = openRunStore(join(dir, 'junction.db'));
    const flow = buildFlow([{ name: 'Source', type: 'test.source' }, { name: 'Write', type: 'test.fileWrite', params: { file } }], ['Source -> Write'],
      { pinned: { Source: [{ key: 'a', value: 'new' }, { key: 'b', value: 2 }] } });
    const r = await executeFlow({ types: testTypes, code: noCode, store }, flow, { usePinned: true });
    expect(r.status).toBe('success');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ a: 'new', b: 2 });
    const entries = store.journal.list(r.runId);
    expect(entries.map((e) => [e.key, e.op, e.before, e.after])).toEqual([['a', 'update', 'old', 'new'], ['b', 'create', null, 2]]);
    expect(store.getRun(r.runId)).toMatchObject({ status: 'success', flowId: 'f_test' });

    const undo = await rollbackRun(r.runId, { flow, types: testTypes, journal: store.journal, audit: store.audit });
    expect(undo).toEqual({ reverted: 2, failed: [] });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ a: 'old' });
    expect(store.audit.verify()).toEqual({ ok: true });
    store.close();
  });

  it('runs the error flow with the failure as its item', async () => {
    const failing = buildFlow([{ name: 'Source', type: 'test.source' }, { name: 'Flaky', type: 'test.flaky', params: { failures: 9 } }], ['Source -> Flaky'], { settings: { errorFlow: 'f_errors' } });
    const handler = { ...buildFlow([{ name: 'Source', type: 'test.source' }, { name: 'Report', type: 'test.double' }], ['Source -> Report']), id: 'f_errors' };
    handler.nodes[0].type = 'test.double'; // a plain root node receives the failure item
    handler.nodes[0].name = 'Got';
    handler.edges = [{ id: 'e', from: { node: 'Source', port: 'main' }, to: { node: 'Report', port: 'main' } }];
    const r = await executeFlow({ types: testTypes, code: noCode, findFlow: (id) => (id === 'f_errors' ? handler : undefined) }, failing);
    expect(r.status).toBe('failed');
    expect(r.errorFlowRun?.status).toBe('success');
    const item = r.errorFlowRun!.outputs.get('Source')!.main[0].json as Record<string, unknown>;
    expect(item).toMatchObject({ flow: { id: 'f_test', name: 'Test flow' }, run: { id: r.runId, status: 'failed' }, error: { node: 'Flaky', code: 'http.503' } });
  });

  it('runs Code nodes on the backend the run was given, and an error flow under its own trust', async () => {
    const used: string[] = [];
    const runner = (name: string, fails: boolean): CodeRunner => ({
      run: async (_code, items) => { used.push(name); if (fails) throw new Error('no rows'); return { items, logs: [] }; },
    });
    const codeFlow = (id: string, extra = {}) => ({ ...buildFlow([{ name: 'Start', type: 'trigger.manual' }, { name: 'Code', type: 'core.code' }], ['Start -> Code'], extra), id });
    const main = codeFlow('f_main', { settings: { errorFlow: 'f_handler' } });
    const handler = codeFlow('f_handler');
    for (const [handlerTrusted, expected] of [[false, ['trusted', 'isolated']], [true, ['trusted', 'trusted']]] as const) {
      used.length = 0;
      const rt = {
        types: builtinRegistry(), findFlow: () => handler, isTrusted: (f: { id: string }) => f.id === 'f_main' || handlerTrusted,
        code: runner('isolated', false),
        // The main flow's Code node (the first call) fails, so the error flow runs.
        trustedCode: { run: (c, i, o) => runner('trusted', used.length === 0).run(c, i, o) } as CodeRunner,
      };
      const r = await executeFlow(rt, main, { codeBackend: 'trusted' });
      expect(r.status).toBe('failed');
      expect(r.errorFlowRun?.status).toBe('success');
      expect(used).toEqual(expected);
    }
  });

  it('exposes only allow-listed environment variables', () => {
    expect(allowedEnv({ JUNCTION_ENV_ALLOW: 'REGION, MISSING', REGION: 'eu', SECRET: 'x' })).toEqual({ REGION: 'eu' });
    expect(allowedEnv({ SECRET: 'x' })).toEqual({});
  });
});
