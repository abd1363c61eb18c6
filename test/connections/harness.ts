// A service whose secrets live in the opt-in encrypted file (a real store, no keychain needed),
// plus a node type that signs one request with its connection, for the connection tests.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineNode, p } from '../../engine/sdk';
import { builtinRegistry, createRegistry } from '../../engine/registry';
import { tempService } from '../../engine/service/testing';

export const PASSPHRASE = 'correct horse battery staple';

/** Calls `url` with the slot's authentication and outputs what the server answered. */
export const authCall = defineNode({
  type: 'test.auth.call', version: 1, title: 'Signed call', category: 'connector', description: 'Test node: one signed GET.',
  inputs: ['main'], outputs: ['main'],
  credentials: [{ slot: 'auth', types: ['apiKey', 'basic', 'bearer', 'headers', 'oauth2', 'jwtBearer'] }],
  params: p.object({ url: p.string().required() }),
  async execute(ctx) {
    const credential = await ctx.credential('auth');
    if (!credential) return ctx.fail('no connection in the auth slot');
    const req = { url: new URL(ctx.params.url), headers: {} as Record<string, string> };
    await credential.apply(req);
    ctx.log.info(`sending ${JSON.stringify(req.headers)}`);
    const res = await fetch(req.url, { headers: req.headers });
    const body = await res.json() as Record<string, unknown>;
    if (!res.ok) ctx.fail(`server said ${res.status} to ${JSON.stringify(req.headers)}`);
    return { main: [ctx.newItem({ status: res.status, echoed: body })] };
  },
});

export function connectionService() {
  const builtin = builtinRegistry();
  const types = createRegistry([...builtin.all().flatMap((t) => builtin.versions(t.type).map((v) => builtin.get(t.type, v)!)), authCall]);
  return tempService(types, { secretsEnv: { JUNCTION_SECRETS: 'file', JUNCTION_SECRETS_PASSPHRASE: PASSPHRASE } });
}

/** An HTTP server on 127.0.0.1 that answers with the request's headers and query (what a leaky API might do). */
export async function echoServer(check?: (headers: IncomingHttpHeaders, url: URL) => number) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const status = check?.(req.headers, url) ?? 200;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ headers: req.headers, query: Object.fromEntries(url.searchParams) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}
