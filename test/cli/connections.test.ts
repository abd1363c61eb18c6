// `junction run` resolves connections from the data dir, through the same secret store as the
// app: here the encrypted file (JUNCTION_SECRETS=file), against a real HTTP server that wants a token.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../../engine/service';
import { BIN, junction } from './run-cli';

/** Like `junction()`, without blocking this process: the test's own HTTP server must answer meanwhile. */
function junctionAsync(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c; });
    child.stderr.on('data', (c: Buffer) => { stderr += c; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const TOKEN = 'cli-bearer-token-5521';
const PASSPHRASE = 'cli test passphrase';
const tmp = mkdtempSync(join(tmpdir(), 'junction-cli-conn-'));
const dataDir = join(tmp, 'data');
const fileSecrets = { JUNCTION_SECRETS: 'file', JUNCTION_SECRETS_PASSPHRASE: PASSPHRASE };
let server: ReturnType<typeof createServer>;
let flowPath: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const ok = req.headers.authorization === `Bearer ${TOKEN}`;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify(ok ? { hello: 'cli' } : { error: 'who are you' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/me`;
  // The connection is made the way the app makes it, in the same data dir.
  const service = createService({ workspace: join(tmp, 'ws'), dataDir, env: {}, secretsEnv: fileSecrets });
  const conn = await service.handlers['connections.save']({ name: 'API', type: 'bearer', fields: {}, secrets: { token: TOKEN } });
  await service.close();
  flowPath = join(tmp, 'call.flow.json');
  writeFileSync(flowPath, JSON.stringify({
    format: 'junction/flow@1', id: 'f_cli_conn', name: 'Call with a connection', settings: {}, pinned: {}, notes: [],
    nodes: [
      { id: 't', type: 'trigger.manual', version: 1, name: 'Start', position: { x: 0, y: 0 }, params: {} },
      { id: 'h', type: 'http.request', version: 1, name: 'Call API', position: { x: 200, y: 0 }, params: { url }, credentials: { auth: { id: conn.id, type: 'bearer', name: 'API' } } },
    ],
    edges: [{ id: 'e', from: { node: 't', port: 'main' }, to: { node: 'h', port: 'main' } }],
  }));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('junction run with connections', () => {
  it('signs the request with the connection from the encrypted secrets file, and prints no secret', async () => {
    const r = await junctionAsync(['run', flowPath, '--data-dir', dataDir, '--json'], fileSecrets);
    expect(r.stderr).not.toContain('cannot be read');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'success' });
    expect(r.stdout).toContain('"hello": "cli"');
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });

  it('says clearly when the secrets cannot be read', () => {
    const locked = junction(['run', flowPath, '--data-dir', dataDir], { JUNCTION_SECRETS: 'file', JUNCTION_SECRETS_PASSPHRASE: '' });
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/This flow uses connections, but their secrets cannot be read: The encrypted secrets file is locked/);
    const noKeychain = junction(['run', flowPath, '--data-dir', dataDir], { JUNCTION_SECRETS: 'keychain', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' });
    expect(noKeychain.code).toBe(1);
    expect(noKeychain.stderr).toMatch(/secrets cannot be read: .*set JUNCTION_SECRETS=file and JUNCTION_SECRETS_PASSPHRASE/s);
  });
});
