import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { serializeFlow, type FlowFile } from '../flow';
import { builtinRegistry } from '../registry';
import { createService } from './index';
import { finished, tempService, type TempService } from './testing';

let svc: TempService;
beforeEach(() => { svc = tempService(builtinRegistry()); });
afterEach(async () => { await svc.dispose(); });
const h = () => svc.handlers;

/** A Code node that says which backend ran it: QuickJS has ArrayBuffer, the trusted backend keeps it out. */
const probeFlow = (id: string): FlowFile => buildFlow(
  [{ type: 'trigger.manual', name: 'Start' }, { type: 'core.code', name: 'Probe', params: { code: "return [{ backend: typeof ArrayBuffer === 'function' ? 'isolated' : 'trusted' }]" } }],
  ['Start -> Probe'], { id, name: `Probe ${id}` },
);

async function backendOf(flow: FlowFile): Promise<string> {
  const { runId } = await h()['runs.start']({ flow, mode: 'flow' });
  const end = await svc.waitFor(finished(runId), 30_000);
  expect(end.status).toBe('success');
  const page = await h()['runs.items']({ runId, nodeId: 'Probe', direction: 'output', port: 'main', offset: 0, limit: 1 });
  return page.items[0].backend as string;
}

const trustedOf = async (id: string) => ({
  listed: (await h()['flows.list']({})).find((f) => f.id === id)?.trusted,
  got: (await h()['flows.get']({ id })).trusted,
});

describe('flow trust', () => {
  it('trusts flows created here and runs their Code nodes on the fast backend', async () => {
    const { flow } = await h()['flows.create']({ name: 'Mine' });
    expect(await trustedOf(flow.id)).toEqual({ listed: true, got: true });
    expect(await backendOf({ ...probeFlow(flow.id), name: 'Mine' })).toBe('trusted');
  });

  it('runs imported flows in QuickJS until the person trusts them, and again after they take it back', async () => {
    const { flow } = await h()['flows.import']({ text: serializeFlow(probeFlow('f_from_forum')), fileName: 'forum.flow.json' });
    expect(await trustedOf(flow.id)).toEqual({ listed: false, got: false });
    expect(await backendOf(flow)).toBe('isolated');

    expect(await h()['flows.trust']({ id: flow.id, trusted: true })).toEqual({ trusted: true });
    expect(await trustedOf(flow.id)).toEqual({ listed: true, got: true });
    expect(await backendOf(flow)).toBe('trusted');

    await h()['flows.trust']({ id: flow.id, trusted: false });
    expect(await trustedOf(flow.id)).toEqual({ listed: false, got: false });
    expect(await backendOf(flow)).toBe('isolated');
  });

  it('never reads trust from the flow file', async () => {
    const claims = { ...probeFlow('f_claims'), settings: { trusted: true }, trusted: true } as FlowFile;
    const { flow } = await h()['flows.import']({ text: JSON.stringify(claims), fileName: 'claims.flow.json' });
    expect((await h()['flows.get']({ id: flow.id })).trusted).toBe(false);
    expect(await backendOf(flow)).toBe('isolated');
  });

  it('does not let an import inherit the trust of an id this workspace trusted before', async () => {
    const { flow: mine } = await h()['flows.create']({ name: 'Mine' });
    await h()['flows.delete']({ id: mine.id });
    const { flow } = await h()['flows.import']({ text: serializeFlow(probeFlow(mine.id)), fileName: 'same-id.flow.json' });
    expect(flow.id).toBe(mine.id);
    expect((await h()['flows.get']({ id: flow.id })).trusted).toBe(false);
    expect(await backendOf(flow)).toBe('isolated');
  });

  it('gives a copy the trust of its original', async () => {
    const { flow: mine } = await h()['flows.create']({ name: 'Mine' });
    const { flow: imported } = await h()['flows.import']({ text: serializeFlow(probeFlow('f_elsewhere')), fileName: 'x.flow.json' });
    const { flow: copyOfMine } = await h()['flows.duplicate']({ id: mine.id });
    const { flow: copyOfImported } = await h()['flows.duplicate']({ id: imported.id });
    expect((await h()['flows.get']({ id: copyOfMine.id })).trusted).toBe(true);
    expect((await h()['flows.get']({ id: copyOfImported.id })).trusted).toBe(false);
  });

  it('keeps trust in the data folder, for this workspace folder only', async () => {
    const { flow } = await h()['flows.create']({ name: 'Mine' });
    // The same flow file in another workspace folder, with the same data folder: not trusted there.
    const elsewhere = join(svc.workspace, '..', 'copied-workspace');
    cpSync(svc.workspace, elsewhere, { recursive: true });
    const other = createService({ workspace: elsewhere, dataDir: svc.dataDir, types: builtinRegistry(), env: {} });
    try {
      expect((await other.handlers['flows.get']({ id: flow.id })).trusted).toBe(false);
    } finally {
      await other.close();
    }
    // The same workspace again, with a fresh service: still trusted.
    const again = createService({ workspace: svc.workspace, dataDir: svc.dataDir, types: builtinRegistry(), env: {} });
    try {
      expect((await again.handlers['flows.get']({ id: flow.id })).trusted).toBe(true);
    } finally {
      await again.close();
    }
  });

  it('refuses to trust a flow that is not in the workspace', async () => {
    await expect(h()['flows.trust']({ id: 'f_nowhere', trusted: true })).rejects.toMatchObject({ name: 'JunctionError' });
  });
});
