// A flow that uses a connection runs, and no secret value reaches the flow file, an export,
// the run store (database files), the run's events and logs, or the items history keeps,
// even when the API echoes the key back and the node logs its headers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowFile } from '../../engine/api';
import { finished } from '../../engine/service/testing';
import { connectionService, echoServer } from './harness';

const KEY = 'sk_live_9f8e7d6c5b4a-secret-key';
const svc = connectionService();
const h = () => svc.handlers;
let api: Awaited<ReturnType<typeof echoServer>>;

beforeAll(async () => { api = await echoServer((headers) => (headers['x-api-key'] === KEY ? 200 : 401)); });
afterAll(async () => { await api.close(); await svc.dispose(); });

const filesUnder = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? filesUnder(path) : [path];
});

/** Every file of the workspace and data folder, the run's events and detail, and the flow's export, as text. */
async function everythingKept(flowId: string, runId: string): Promise<Record<string, string>> {
  const exported = await h()['flows.export']({ id: flowId, includePinned: true });
  const detail = await h()['runs.get']({ runId });
  return {
    events: JSON.stringify(svc.seen), run: JSON.stringify(detail), export: exported.text,
    ...Object.fromEntries([...filesUnder(svc.workspace), ...filesUnder(svc.dataDir)].map((f) => [f, readFileSync(f).toString('latin1')])),
  };
}

/** Saves a flow whose one HTTP node uses the connection, runs it, and says how the run ended. */
async function runWith(conn: { id: string; type: string; name: string }, url: string) {
  const { flow: created } = await h()['flows.create']({ name: `Signed with ${conn.name}` });
  const flow: FlowFile = {
    ...created,
    nodes: [
      { id: 't', type: 'trigger.manual', version: 1, name: 'Start', position: { x: 0, y: 0 }, params: {} },
      { id: 'c', type: 'test.auth.call', version: 1, name: 'Call', position: { x: 200, y: 0 }, params: { url },
        credentials: { auth: { id: conn.id, type: conn.type, name: conn.name } } },
    ],
    edges: [{ id: 'e', from: { node: 't', port: 'main' }, to: { node: 'c', port: 'main' } }],
  };
  await h()['flows.save']({ flow });
  const { runId } = await h()['runs.start']({ flow, mode: 'flow' });
  return { flow, runId, end: await svc.waitFor(finished(runId), 20_000) };
}

describe('a flow using a connection', () => {
  it('runs signed, and leaves its secret nowhere', async () => {
    const conn = await h()['connections.save']({ name: 'Echo API', type: 'apiKey', fields: { in: 'header', name: 'X-API-Key', testUrl: `${api.url}/me` }, secrets: { value: KEY } });
    expect(conn.secretsSet).toEqual(['value']);
    expect(JSON.stringify(conn)).not.toContain(KEY);
    expect(await h()['connections.test']({ id: conn.id })).toMatchObject({ ok: true, status: 200 });

    const { flow: created } = await h()['flows.create']({ name: 'Signed' });
    const flow: FlowFile = {
      ...created,
      nodes: [
        { id: 't', type: 'trigger.manual', version: 1, name: 'Start', position: { x: 0, y: 0 }, params: {} },
        { id: 'c', type: 'test.auth.call', version: 1, name: 'Call', position: { x: 200, y: 0 }, params: { url: `${api.url}/data` },
          credentials: { auth: { id: conn.id, type: conn.type, name: conn.name } } },
      ],
      edges: [{ id: 'e', from: { node: 't', port: 'main' }, to: { node: 'c', port: 'main' } }],
    };
    await h()['flows.save']({ flow });
    const listed = await h()['connections.list']({});
    expect(listed[0].usedBy).toEqual([{ flowId: flow.id, flowName: 'Signed', nodeId: 'c', nodeName: 'Call', slot: 'auth' }]);

    const { runId } = await h()['runs.start']({ flow, mode: 'flow' });
    const end = await svc.waitFor(finished(runId), 20_000);
    expect(end.status).toBe('success');
    const page = await h()['runs.items']({ runId, nodeId: 'c', direction: 'output', port: 'main', offset: 0, limit: 10 });
    expect(page.items[0]).toMatchObject({ status: 200, echoed: { headers: { 'x-api-key': '[redacted]' } } });

    const texts = await everythingKept(flow.id, runId);
    expect(JSON.stringify(svc.seen)).toContain('sending {\\"x-api-key\\":\\"[redacted]\\"}');
    for (const [where, text] of Object.entries(texts)) expect(text.includes(KEY), `${where} holds the key`).toBe(false);
  });

  // Each static kind that signs HTTP requests: the server accepts only the right secret, and the
  // secret (in every form it travels in) is then nowhere in what Junction keeps.
  const SECRET = 'tok_9f8e7d6c5b4a_every_kind';
  const basic = Buffer.from(`ana:${SECRET}`).toString('base64');
  const kinds: { label: string; type: string; fields: Record<string, string>; secrets: Record<string, string>; forms: string[] }[] = [
    { label: 'API key in a header', type: 'apiKey', fields: { in: 'header', name: 'X-Token' }, secrets: { value: SECRET }, forms: [SECRET] },
    { label: 'API key in the query', type: 'apiKey', fields: { in: 'query', name: 'token' }, secrets: { value: SECRET }, forms: [SECRET] },
    { label: 'API key in a cookie', type: 'apiKey', fields: { in: 'cookie', name: 'session' }, secrets: { value: SECRET }, forms: [SECRET] },
    { label: 'basic auth', type: 'basic', fields: { user: 'ana' }, secrets: { password: SECRET }, forms: [SECRET, basic] },
    { label: 'bearer token', type: 'bearer', fields: {}, secrets: { token: SECRET }, forms: [SECRET] },
    { label: 'custom headers', type: 'headers', fields: {}, secrets: { headers: `X-Vendor-Key: ${SECRET}\nX-Vendor-Team: blue` }, forms: [SECRET] },
  ];
  it.each(kinds)('$label signs the request and leaves its secret nowhere', async ({ label, type, fields, secrets, forms }) => {
    const server = await echoServer((headers, url) => (JSON.stringify(headers).includes(forms.at(-1)!) || url.searchParams.get('token') === SECRET ? 200 : 401));
    try {
      const conn = await h()['connections.save']({ name: label, type, fields, secrets });
      const { flow, runId, end } = await runWith(conn, `${server.url}/data`);
      expect(end.status, JSON.stringify(end)).toBe('success');
      for (const [where, text] of Object.entries(await everythingKept(flow.id, runId))) {
        for (const form of forms) expect(text.includes(form), `${where} holds the secret of the ${type} connection`).toBe(false);
      }
    } finally { await server.close(); }
  });

  it('fails with the status and host when the key is wrong', async () => {
    const conn = await h()['connections.save']({ name: 'Wrong key', type: 'apiKey', fields: { in: 'header', name: 'X-API-Key', testUrl: `${api.url}/me` }, secrets: { value: 'not-the-key' } });
    const result = await h()['connections.test']({ id: conn.id });
    expect(result).toMatchObject({ ok: false, status: 401 });
    expect(result.message).toMatch(new RegExp(`^401 from 127\\.0\\.0\\.1:\\d+`));
    expect(result.message).not.toContain('not-the-key');
  });
});
