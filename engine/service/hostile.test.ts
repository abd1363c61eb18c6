import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { testTypes } from '../../test/fixtures/test-nodes';
import { MAX_PROBLEMS } from '../flow';
import { isJunctionError } from '../sdk/errors';
import { tempService, type TempService } from './testing';
import { openWorkspace } from './workspace';

// Regression tests for flow files crafted against the workspace: import, open, export.

let svc: TempService;
beforeEach(() => { svc = tempService(testTypes); });
afterEach(async () => { await svc.dispose(); });

const h = () => svc.handlers;
const flowFiles = () => readdirSync(join(svc.workspace, 'flows'));

async function rejects(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try { await p; } catch (e) { if (isJunctionError(e)) return e; throw e; }
  throw new Error('expected a rejection');
}

describe('flows with hostile content', () => {
  it('refuses to import a flow nested 6,000 levels deep and writes no file', async () => {
    const flow = buildFlow([{ name: 'Source', type: 'test.source' }], []);
    const text = JSON.stringify({ ...flow, pinned: { Source: ['DEEP'] } }).replace('"DEEP"', `${'{"a":'.repeat(6_000)}1${'}'.repeat(6_000)}`);
    const e = await rejects(h()['flows.import']({ text, fileName: 'deep.flow.json' }));
    expect(e).toMatchObject({ code: 'flow.import', message: expect.stringContaining('more than 64 levels deep') });
    expect(flowFiles()).toEqual([]);
  });

  it('refuses to save a flow nested 6,000 levels deep, with a clear error', async () => {
    let deep: Record<string, unknown> = { a: 1 };
    for (let i = 0; i < 6_000; i++) deep = { a: deep };
    const flow = { ...buildFlow([{ name: 'Source', type: 'test.source' }], []), pinned: { Source: [deep] } };
    const e = await rejects(h()['flows.save']({ flow }));
    expect(e.code).toBe('flow.too-deep');
    expect(flowFiles()).toEqual([]);
  });

  it('imports 3,000 chained Loop nodes and opens them again with a bounded problem list', async () => {
    const names = Array.from({ length: 3_000 }, (_, i) => `L${i}`);
    const flow = buildFlow(names.map((name) => ({ name, type: 'test.loop', params: { batchSize: 10 } })), []);
    flow.edges = names.slice(0, -1).flatMap((from, i) => ['batch', 'done'].map((port) => ({ id: `e${i}${port}`, from: { node: from, port }, to: { node: names[i + 1], port: 'main' } })));
    const imported = await h()['flows.import']({ text: JSON.stringify(flow) });
    expect(imported.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
    const opened = await h()['flows.get']({ id: imported.flow.id });
    expect(opened.flow.nodes).toHaveLength(3_000);
    expect(opened.problems.map((p) => p.code)).toContain('flow.loop-nesting');
  }, 30_000);

  it('does not open or export a flow file that links outside the flows folder', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'junction-outside-'));
    const secret = buildFlow([{ name: 'Source', type: 'test.source' }], [], { id: 'f_secret', name: 'Secret' });
    writeFileSync(join(outside, 'secret.flow.json'), JSON.stringify(secret));
    symlinkSync(join(outside, 'secret.flow.json'), join(svc.workspace, 'flows', 'linked.flow.json'));
    symlinkSync(outside, join(svc.workspace, 'flows', 'folder.flow.json'));
    expect((await h()['flows.list']({})).map((f) => f.id)).toEqual([]);
    expect((await rejects(h()['flows.get']({ id: 'f_secret' }))).code).toBe('flow.not-found');
    expect((await rejects(h()['flows.export']({ id: 'f_secret', includePinned: true }))).code).toBe('flow.not-found');
    expect((await rejects(h()['flows.get']({ id: 'file:linked.flow.json' }))).code).toBe('flow.not-found');
  });
});

describe('the workspace folder', () => {
  it('removes temp files of saves cut short when it opens', () => {
    const root = mkdtempSync(join(tmpdir(), 'junction-ws-'));
    mkdirSync(join(root, 'flows'));
    writeFileSync(join(root, 'flows', 'sales.flow.json'), '{}');
    writeFileSync(join(root, 'flows', 'sales.flow.json.0a1b2c3d.tmp'), '{"half');
    writeFileSync(join(root, 'flows', 'notes.tmp'), 'a person\'s own file');
    const ws = openWorkspace(root, () => {});
    ws.close();
    expect(readdirSync(join(root, 'flows')).sort()).toEqual(['notes.tmp', 'sales.flow.json']);
    expect(existsSync(join(root, 'flows', 'sales.flow.json.0a1b2c3d.tmp'))).toBe(false);
  });
});
