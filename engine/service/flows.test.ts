import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { testTypes } from '../../test/fixtures/test-nodes';
import { serializeFlow, type FlowFile } from '../flow';
import { isJunctionError } from '../sdk/errors';
import { tempService, type TempService } from './testing';
import { kebab } from './workspace';

let svc: TempService;
beforeEach(() => { svc = tempService(testTypes); });
afterEach(async () => { await svc.dispose(); });

const flowsDir = () => join(svc.workspace, 'flows');
const files = () => readdirSync(flowsDir()).sort();
const h = () => svc.handlers;
const sample = (extra: Partial<FlowFile> = {}) =>
  buildFlow([{ type: 'test.source', name: 'Source', params: { n: 3 } }, { type: 'test.double', name: 'Double' }], ['Source -> Double'], { name: 'Sales report', ...extra });

async function rejects(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try { await p; } catch (e) { if (isJunctionError(e)) return e; throw e; }
  throw new Error('expected a rejection');
}

describe('flows', () => {
  it('creates a flow as a canonical file named after it, and lists it', async () => {
    const { flow } = await h()['flows.create']({ name: 'New HubSpot → Postgres!' });
    expect(flow.id).toMatch(/^f_/);
    expect(files()).toEqual(['new-hubspot-postgres.flow.json']);
    const text = readFileSync(join(flowsDir(), files()[0]), 'utf8');
    expect(text).toBe(serializeFlow(JSON.parse(text)));
    const list = await h()['flows.list']({});
    expect(list).toMatchObject([{ id: flow.id, name: 'New HubSpot → Postgres!', file: 'new-hubspot-postgres.flow.json', nodeCount: 0 }]);
    await svc.waitFor((e) => e.type === 'flows.changed');
  });

  it('gives each flow its own file name', async () => {
    await h()['flows.create']({ name: 'Report' });
    await h()['flows.create']({ name: 'report' });
    expect(files()).toEqual(['report-2.flow.json', 'report.flow.json']);
    expect(kebab('   ')).toBe('flow');
  });

  it('saves, gets and reports problems without refusing to save', async () => {
    const flow = { ...sample(), id: 'f_saved' };
    const saved = await h()['flows.save']({ flow });
    expect(saved.problems).toEqual([]);
    expect(Date.parse(saved.savedAt)).not.toBeNaN();
    const got = await h()['flows.get']({ id: 'f_saved' });
    expect(got.flow.nodes.map((n) => n.name)).toEqual(['Source', 'Double']);

    const broken = { ...flow, nodes: [...flow.nodes, { id: 'x', type: 'acme.unknown', version: 1, name: 'Mystery', position: { x: 0, y: 0 }, params: {} }] };
    const again = await h()['flows.save']({ flow: broken });
    expect(again.problems.map((p) => p.code)).toContain('flow.unknown-type');
    const reread = await h()['flows.get']({ id: 'f_saved' });
    expect(reread.flow.nodes.map((n) => n.type)).toContain('acme.unknown');
    expect(reread.problems[0]).toMatchObject({ code: 'flow.unknown-type', path: '$.nodes[2].type' });
  });

  it('loads a structurally flawed flow for the editor, repaired, with its problems', async () => {
    writeFileSync(join(flowsDir(), 'hand-made.flow.json'), JSON.stringify({
      format: 'junction/flow@1', id: 'f_hand', name: 'Hand made',
      nodes: [{ id: 'a', type: 'test.source', name: 'A' }], edges: [],
    }));
    const { flow, problems } = await h()['flows.get']({ id: 'f_hand' });
    expect(flow.nodes[0]).toMatchObject({ id: 'a', version: 1, position: { x: 0, y: 0 } });
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['$.nodes[0].version', '$.nodes[0].position']));
  });

  it('refuses only text that is not JSON, saying where it breaks', async () => {
    writeFileSync(join(flowsDir(), 'broken.flow.json'), '{\n  "id": "f_b",\n  "name": oops\n}');
    const [entry] = await h()['flows.list']({});
    expect(entry.id).toBe('file:broken.flow.json');
    const e = await rejects(h()['flows.get']({ id: entry.id }));
    expect(e.code).toBe('flow.json');
    expect(e.message).toMatch(/line 3, column/);
    expect((await rejects(h()['flows.get']({ id: 'f_nope' }))).code).toBe('flow.not-found');
  });

  it('renames a flow and its file', async () => {
    const { flow } = await h()['flows.create']({ name: 'Old name' });
    const renamed = await h()['flows.rename']({ id: flow.id, name: 'Brand new' });
    expect(renamed.flow).toMatchObject({ id: flow.id, name: 'Brand new' });
    expect(files()).toEqual(['brand-new.flow.json']);
  });

  it('duplicates a flow with a new id and name', async () => {
    await h()['flows.save']({ flow: { ...sample(), id: 'f_orig', pinned: { Source: [{ a: 1 }] } } });
    const { flow } = await h()['flows.duplicate']({ id: 'f_orig' });
    expect(flow.id).not.toBe('f_orig');
    expect(flow.name).toBe('Sales report (copy)');
    expect(flow.pinned).toEqual({ Source: [{ a: 1 }] });
    expect(files()).toEqual(['sales-report-copy.flow.json', 'sales-report.flow.json']);
    expect((await h()['flows.duplicate']({ id: 'f_orig' })).flow.name).toBe('Sales report (copy) 2');
  });

  it('deletes to the trash and restores', async () => {
    await h()['flows.save']({ flow: { ...sample(), id: 'f_del' } });
    expect(await h()['flows.delete']({ id: 'f_del' })).toEqual({ deleted: true });
    expect(files()).toEqual([]);
    expect(readdirSync(join(svc.workspace, '.trash'))).toHaveLength(1);
    expect((await rejects(h()['flows.get']({ id: 'f_del' }))).code).toBe('flow.not-found');
    const { flow } = await h()['flows.restore']({ id: 'f_del' });
    expect(flow.name).toBe('Sales report');
    expect(files()).toEqual(['sales-report.flow.json']);
    expect((await rejects(h()['flows.restore']({ id: 'f_del' }))).code).toBe('flow.not-in-trash');
  });

  it('validates a flow without saving it', async () => {
    const bad = buildFlow([{ type: 'test.double', name: 'D' }], [], { edges: [{ id: 'e', from: { node: 'D', port: 'main' }, to: { node: 'gone', port: 'main' } }] });
    const { problems } = await h()['flows.validate']({ flow: bad });
    expect(problems).toMatchObject([{ code: 'flow.dangling-edge', path: '$.edges[0].to.node' }]);
    expect(files()).toEqual([]);
  });
});

describe('flows.import', () => {
  it('imports a Junction flow and keeps its id when free', async () => {
    const text = serializeFlow({ ...sample(), id: 'f_imp' });
    const res = await h()['flows.import']({ text, fileName: 'sales.flow.json' });
    expect(res.flow.id).toBe('f_imp');
    expect(res.problems).toEqual([]);
    expect(res.missingConnections).toEqual([]);
    expect(files()).toEqual(['sales-report.flow.json']);
  });

  it('gives a clashing id a new one', async () => {
    const text = serializeFlow({ ...sample(), id: 'f_same' });
    await h()['flows.import']({ text });
    const second = await h()['flows.import']({ text });
    expect(second.flow.id).not.toBe('f_same');
    expect(files()).toEqual(['sales-report-2.flow.json', 'sales-report.flow.json']);
  });

  it('strips secrets from credential references and lists the connections to map', async () => {
    const flow = sample();
    flow.nodes[1].credentials = { auth: { id: 'c_1', type: 'bearer', name: 'CRM', token: 'sk-live-123', password: 'hunter2' } as never };
    const res = await h()['flows.import']({ text: JSON.stringify(flow) });
    expect(res.missingConnections).toEqual([{ id: 'c_1', type: 'bearer', name: 'CRM' }]);
    expect(res.flow.nodes[1].credentials).toEqual({ auth: { id: 'c_1', type: 'bearer', name: 'CRM' } });
    const onDisk = readFileSync(join(flowsDir(), files()[0]), 'utf8');
    expect(onDisk).not.toMatch(/sk-live|hunter2|token|password/);
  });

  it('names an n8n workflow as such', async () => {
    const n8n = { name: 'My workflow', nodes: [{ id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }], connections: {} };
    const e = await rejects(h()['flows.import']({ text: JSON.stringify(n8n) }));
    expect(e).toMatchObject({ code: 'flow.import', message: expect.stringMatching(/^This is an n8n workflow, not a Junction flow file: bring it in with Import…/) });
  });

  it('says why corrupt or foreign files are not flows', async () => {
    expect((await rejects(h()['flows.import']({ text: '{"format": "junction/flow@1", "nodes": [' }))).message).toMatch(/not JSON at line 1, column \d+/);
    expect((await rejects(h()['flows.import']({ text: '{"nodes": [], "edges": []}' }))).message).toMatch(/not a Junction flow: format missing/);
    expect((await rejects(h()['flows.import']({ text: '[{"id":"a","type":"tab"},{"id":"b","type":"inject","z":"a","wires":[]}]' }))).message).toMatch(/Node-RED/);
    expect(files()).toEqual([]);
  });
});

describe('flows.export', () => {
  it('exports canonical text, with pinned data only when asked', async () => {
    await h()['flows.save']({ flow: { ...sample(), id: 'f_exp', pinned: { Source: [{ a: 1 }] } } });
    const withPins = await h()['flows.export']({ id: 'f_exp', includePinned: true });
    expect(withPins.fileName).toBe('sales-report.flow.json');
    expect(JSON.parse(withPins.text).pinned).toEqual({ Source: [{ a: 1 }] });
    expect(withPins.text).toBe(serializeFlow(JSON.parse(withPins.text)));
    const without = await h()['flows.export']({ id: 'f_exp', includePinned: false });
    expect(JSON.parse(without.text).pinned).toEqual({});
    expect(existsSync(join(flowsDir(), 'sales-report.flow.json'))).toBe(true);
  });
});
