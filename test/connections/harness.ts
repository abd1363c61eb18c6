// A service whose secrets live in the opt-in encrypted file (a real store, no keychain needed),
// plus a node type that signs one request with its connection, for the connection tests.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectionTypes } from '../fixtures/test-nodes';
import { tempService } from '../../engine/service/testing';

export const PASSPHRASE = 'correct horse battery staple';

/** The built-in node types plus the signed-call node, in the service and (from the test bundle) in its run processes. */
export function connectionService() {
  return tempService(connectionTypes, { secretsEnv: { JUNCTION_SECRETS: 'file', JUNCTION_SECRETS_PASSPHRASE: PASSPHRASE } }, 'connectionTypes');
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
