// Creating, editing and deleting connections through the API; a deleted connection shows on the
// nodes that used it; an imported flow's references are listed and mapped to this machine's.
import { afterAll, describe, expect, it } from 'vitest';
import type { FlowFile } from '../../engine/api';
import { connectionService } from './harness';

const svc = connectionService();
const h = () => svc.handlers;
afterAll(() => svc.dispose());

const flowUsing = (id: string, refs: Record<string, { id: string; type: string; name: string }>): FlowFile => ({
  format: 'junction/flow@1', id, name: `Flow ${id}`,
  nodes: [
    { id: 't', type: 'trigger.manual', version: 1, name: 'Start', position: { x: 0, y: 0 }, params: {} },
    { id: 'c', type: 'test.auth.call', version: 1, name: 'Call CRM', position: { x: 200, y: 0 }, params: { url: 'http://127.0.0.1:9/x' }, credentials: refs },
  ],
  edges: [{ id: 'e', from: { node: 't', port: 'main' }, to: { node: 'c', port: 'main' } }],
  settings: {}, pinned: {}, notes: [],
});

describe('connections', () => {
  it('checks fields against the kind, and never returns a secret', async () => {
    await expect(h()['connections.save']({ name: 'x', type: 'telepathy', fields: {} })).rejects.toThrow(/"telepathy" is not a kind of connection/);
    await expect(h()['connections.save']({ name: 'x', type: 'basic', fields: { user: 'ann' } })).rejects.toThrow(/^password: is required/);
    await expect(h()['connections.save']({ name: 'x', type: 'basic', fields: { user: 'ann', password: 'p' } })).rejects.toThrow(/password: is a secret/);
    await expect(h()['connections.save']({ name: 'x', type: 'database', fields: { host: 'h', port: 70000 } })).rejects.toThrow(/port: must be a whole number/);
    const conn = await h()['connections.save']({ name: 'CRM', type: 'basic', fields: { user: 'ann' }, secrets: { password: 'first-password' } });
    expect(conn).toMatchObject({ name: 'CRM', type: 'basic', fields: { user: 'ann' }, secretsSet: ['password'], status: 'ok' });
    // An edit that leaves the secret out keeps it; the list never shows it.
    const edited = await h()['connections.save']({ id: conn.id, name: 'CRM (prod)', type: 'basic', fields: { user: 'bob' } });
    expect(edited.secretsSet).toEqual(['password']);
    expect(JSON.stringify(await h()['connections.list']({}))).not.toContain('first-password');
  });

  it('a deleted connection: the node that used it says so in validation', async () => {
    const conn = await h()['connections.save']({ name: 'Gone soon', type: 'bearer', fields: {}, secrets: { token: 'tok-abcdef' } });
    const flow = flowUsing('f_del', { auth: { id: conn.id, type: 'bearer', name: 'Gone soon' } });
    await h()['flows.save']({ flow });
    expect((await h()['flows.get']({ id: 'f_del' })).problems.filter((p) => p.code === 'flow.connection-missing')).toEqual([]);
    const { usedBy } = await h()['connections.delete']({ id: conn.id });
    expect(usedBy).toEqual([{ flowId: 'f_del', flowName: 'Flow f_del', nodeId: 'c', nodeName: 'Call CRM', slot: 'auth' }]);
    const { problems } = await h()['flows.validate']({ flow });
    expect(problems).toContainEqual(expect.objectContaining({
      code: 'flow.connection-missing', nodeId: 'c', path: '$.nodes[1].credentials.auth',
      message: 'Node "Call CRM" lost its connection "Gone soon" (bearer): it no longer exists here. Pick another connection in the inspector.',
    }));
  });

  it('import lists the connections this machine lacks, and connections.map points them at ours', async () => {
    const mine = await h()['connections.save']({ name: 'My CRM', type: 'bearer', fields: {}, secrets: { token: 'tok-mine-123' } });
    const text = JSON.stringify(flowUsing('f_imp', { auth: { id: 'c_theirs', type: 'bearer', name: 'Their CRM' } }));
    const imported = await h()['flows.import']({ text });
    expect(imported.missingConnections).toEqual([{ id: 'c_theirs', type: 'bearer', name: 'Their CRM' }]);
    await expect(h()['connections.map']({ flowId: imported.flow.id, mapping: { c_theirs: 'c_nope' } })).rejects.toThrow(/mapping.c_theirs: there is no connection c_nope/);
    const { flow, problems } = await h()['connections.map']({ flowId: imported.flow.id, mapping: { c_theirs: mine.id } });
    expect(flow.nodes[1].credentials).toEqual({ auth: { id: mine.id, type: 'bearer', name: 'My CRM' } });
    expect(problems.filter((p) => p.code === 'flow.connection-missing')).toEqual([]);
    expect((await h()['flows.get']({ id: imported.flow.id })).flow.nodes[1].credentials?.auth.id).toBe(mine.id);
    // Importing it again: the reference now resolves here, so nothing is missing.
    const again = await h()['flows.import']({ text: (await h()['flows.export']({ id: imported.flow.id, includePinned: false })).text });
    expect(again.missingConnections).toEqual([]);
  });
});
