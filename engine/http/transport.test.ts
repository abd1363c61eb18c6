/** Proxy, custom CA and client certificates, and the run's cancel signal through the node context. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../test/http-server/server';
import { virtualClock } from '../exec/clock';
import { createNodeContext } from '../exec/context';
import { memoryStateStore, stagedState } from '../exec/state';
import { createHttpClient } from './client';

let server: TestServer;
let proxy: Server;
let proxied = 0;
const listen = async (s: Server) => { await new Promise<void>((r) => s.listen(0, '127.0.0.1', r)); return (s.address() as AddressInfo).port; };

beforeAll(async () => {
  server = await startServer();
  server.route('/hi', (_req, res) => json(res, 200, { hi: true }));
  // A proxy as a company runs one: plain HTTP forwarded, anything else tunnelled with CONNECT.
  proxy = createHttpServer((req, res) => {
    proxied++;
    const out = httpRequest(req.url!, { method: req.method, headers: req.headers }, (up) => { res.writeHead(up.statusCode!, up.headers); up.pipe(res); });
    req.pipe(out);
  });
  proxy.on('connect', (req, client, head) => {
    proxied++;
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => { client.write('HTTP/1.1 200 Connection Established\r\n\r\n'); upstream.write(head); upstream.pipe(client); client.pipe(upstream); });
    upstream.on('error', () => client.destroy());
  });
});
afterAll(async () => { await server.close(); proxy.closeAllConnections(); proxy.close(); });

const http = () => createHttpClient({ signal: new AbortController().signal, clock: virtualClock() });

describe('transport options', () => {
  it('goes through a proxy', async () => {
    const port = await listen(proxy);
    const res = await http().request({ url: `${server.origin}/hi`, proxy: `http://127.0.0.1:${port}` });
    expect(res.body).toEqual({ hi: true });
    expect(proxied).toBe(1);
  });

  it('trusts a custom CA, sends a client certificate, and names an untrusted certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'junction-tls-'));
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=Test CA');
    // Subject alternative names and key usage come from an extension file.
    const withSan = (name: string, ext: string) => {
      writeFileSync(join(dir, `${name}.ext`), ext);
      ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
      ssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '1', '-extfile', `${name}.ext`);
    };
    withSan('server', 'subjectAltName=IP:127.0.0.1\n');
    withSan('client', 'extendedKeyUsage=clientAuth\n');
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    const tls = createHttpsServer({ key: read('server.key'), cert: read('server.pem'), ca: read('ca.pem'), requestCert: true, rejectUnauthorized: true }, (req, res) => {
      const peer = (req.socket as import('node:tls').TLSSocket).getPeerCertificate();
      json(res, 200, { client: peer.subject?.CN ?? null });
    });
    const port = await listen(tls);
    try {
      const url = `https://127.0.0.1:${port}/`;
      const res = await http().request({ url, tls: { ca: read('ca.pem'), cert: read('client.pem'), key: read('client.key') } });
      expect(res.body).toEqual({ client: 'client' });
      expect(res.timing.tls).toBeGreaterThan(0);
      await expect(http().request({ url, retry: false })).rejects.toThrow(/certificate is not trusted/);
    } finally { tls.closeAllConnections(); tls.close(); }
  });
});

describe('ctx.http in a node', () => {
  it('stops a request mid-flight when the run is cancelled', async () => {
    server.route('/stall', (_req, res) => { res.writeHead(200); res.write('['); });
    const ac = new AbortController();
    const staged = stagedState(memoryStateStore(), 'r');
    const node = { id: 'n', name: 'Call', type: 'http.request', version: 1 };
    const quiet = () => undefined;
    const ctx = createNodeContext({
      node, paramSpec: { kind: 'object', fields: {} }, params: {}, inputs: { main: [] }, mainPort: 'main',
      scope: { outputs: new Map(), nodeIdByName: new Map(), vars: {}, env: {}, run: { id: 'r', mode: 'test' }, flow: { id: 'f', name: 'f' }, node, state: staged.snapshot('n'), nowMs: 0 },
      run: { id: 'r', mode: 'test' }, flow: { id: 'f', name: 'f' }, log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
      signal: ac.signal, clock: virtualClock(), state: staged.forNode('n'), code: undefined as never, journal: quiet,
      credential: async () => undefined,
    });
    const pending = ctx.http.request({ url: `${server.origin}/stall` });
    setTimeout(() => ac.abort(), 100);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'The run was cancelled.' });
  });
});
