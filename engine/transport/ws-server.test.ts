import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { testTypes } from '../../test/fixtures/test-nodes';
import { tempService, type TempService } from '../service/testing';
import { CSP } from './static';
import { startServer, type RunningServer } from './ws-server';

let svc: TempService;
let server: RunningServer;
let site: string;

beforeAll(async () => {
  svc = tempService(testTypes);
  site = mkdtempSync(join(tmpdir(), 'junction-site-'));
  mkdirSync(join(site, 'assets'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Junction</title>');
  writeFileSync(join(site, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(site, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(tmpdir(), 'outside-secret.txt'), 'secret');
  server = await startServer({ handlers: svc.handlers, events: svc.events, port: 0, rendererDir: site });
});
afterAll(async () => {
  await server.close();
  await svc.dispose();
  rmSync(site, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'outside-secret.txt'), { force: true });
});

/** A raw GET: the path goes out exactly as written (fetch and URL would normalize `..`). */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => { body += c; }).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject).end();
  });
}

/** Opens the API socket; resolves with it, or with the HTTP status it was refused with. */
function connect(query: string, origin?: string): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api${query}`, origin ? { origin } : {});
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_, res) => resolve(res.statusCode!));
    ws.once('error', (e) => { if (!String(e.message).includes('Unexpected server response')) reject(e); });
  });
}

async function client() {
  const ws = await connect(`?token=${encodeURIComponent(server.token)}`);
  if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
  const messages: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (d) => { messages.push(JSON.parse(String(d))); for (const w of waiters) w(); });
  const waitFor = (match: (m: Record<string, unknown>) => boolean) => new Promise<Record<string, unknown>>((resolve) => {
    const check = () => { const m = messages.find(match); if (m) { waiters.delete(check); resolve(m); } };
    waiters.add(check);
    check();
  });
  let id = 0;
  const call = (method: string, input: unknown) => {
    const mine = ++id;
    ws.send(JSON.stringify({ id: mine, method, input }));
    return waitFor((m) => m.id === mine);
  };
  return { ws, call, waitFor, messages };
}

describe('the API socket', () => {
  it('refuses a missing or wrong token with 401', async () => {
    expect(await connect('')).toBe(401);
    expect(await connect('?token=nope')).toBe(401);
    expect(await connect(`?token=${server.token}x`)).toBe(401);
  });

  it('refuses a page of another origin even with the token', async () => {
    expect(await connect(`?token=${server.token}`, 'https://evil.example')).toBe(403);
    const own = await connect(`?token=${server.token}`, `http://127.0.0.1:${server.port}`);
    expect(own).toBeInstanceOf(WebSocket);
    (own as WebSocket).close();
  });

  it('round-trips requests, with codes for unknown methods and bad input', async () => {
    const { ws, call } = await client();
    expect(await call('workspace.info', {})).toMatchObject({ ok: true, output: { workspace: svc.workspace } });
    expect(await call('flows.fly', {})).toMatchObject({ ok: false, error: { code: 'api.unknown-method' } });
    expect(await call('flows.get', { id: 3 })).toMatchObject({ ok: false, error: { code: 'api.bad-input', path: 'id' } });
    expect(await call('flows.get', { id: 'f_none' })).toMatchObject({ ok: false, error: { code: 'flow.not-found' } });
    ws.close();
  });

  it('answers a message that is not a request', async () => {
    const { ws, waitFor } = await client();
    ws.send('not json');
    expect(await waitFor((m) => m.id === null)).toMatchObject({ ok: false, error: { code: 'api.bad-request' } });
    ws.close();
  });

  it('pushes run events without item data', async () => {
    const { ws, call, waitFor } = await client();
    const flow = buildFlow([{ type: 'test.source', name: 'Source', params: { n: 2 } }], [], { id: 'f_ws' });
    const reply = await call('runs.start', { flow, mode: 'flow' });
    const runId = (reply.output as { runId: string }).runId;
    const end = await waitFor((m) => (m.event as { type?: string; runId?: string } | undefined)?.type === 'run.finished' && (m.event as { runId: string }).runId === runId);
    expect(end.event).toMatchObject({ status: 'success' });
    const nodeDone = await waitFor((m) => (m.event as { type?: string } | undefined)?.type === 'node.finished');
    expect(nodeDone.event).not.toHaveProperty('data');
    ws.close();
  });
});

describe('static files', () => {
  it('serves the editor with its MIME types and the CSP', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CSP);
    expect(index.body).toContain('<title>Junction</title>');
    const js = await get('/assets/app-1234.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await get('/assets/style.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('falls back to index.html for app routes, 404 for missing files', async () => {
    expect((await get('/flows/f_123')).body).toContain('<title>Junction</title>');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('refuses paths that climb out of the editor folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/%2e%2e%2f%2e%2e%2foutside-secret.txt',
      '/assets/..%5c..%5coutside-secret.txt', '/..\\..\\outside-secret.txt', '/%252e%252e/package.json', '/assets/%00.js']) {
      const res = await get(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.body, path).not.toMatch(/secret|"name"/);
    }
  });

  it('refuses a foreign Host (DNS rebinding)', async () => {
    expect((await get('/', { Host: 'attacker.example:80' })).status).toBe(421);
  });

  it('listens on loopback only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{32}$/);
  });
});
