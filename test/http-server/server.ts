/**
 * A real HTTP server on 127.0.0.1 (port 0) for tests of the HTTP layer: each test sets the
 * handler of a path; every request is recorded with its body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen { method: string; url: string; headers: IncomingMessage['headers']; body: Buffer }
export type Handler = (req: IncomingMessage & { body: Buffer }, res: ServerResponse, n: number) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly seen: Seen[];
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

export const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const counts = new Map<string, number>();
  const seen: Seen[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const handler = routes.get(path);
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    if (!handler) return json(res, 404, { error: `no route ${path}` });
    try { await handler(Object.assign(req, { body }), res, n); } catch (e) { if (!res.headersSent) json(res, 500, { error: String(e) }); }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    route: (path, handler) => { routes.set(path, handler); counts.delete(path); },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
