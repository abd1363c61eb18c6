/**
 * The one webhook listener: 127.0.0.1 unless the person opts into more, routing
 * `/hook/<path>` to the Webhook triggers of active flows. It reads the raw body (kept for
 * signatures) up to a limit, checks the trigger's auth, and hands accepted calls on; refused
 * calls are reported and start nothing.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseBody } from './webhook-body';
import { checkAuth, type WebhookAuth, type WebhookKey } from './webhook-auth';
import type { CredentialRef } from '../flow/types';
import { matchRoute, type Route } from './routes';

export interface HookTarget { flowId: string; nodeId: string; auth: WebhookAuth; respond: 'immediately' | 'respondNode'; credential?: CredentialRef }

/** The trigger's item: what a flow reads from the call. */
export interface HookCall {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface HookAnswer { status: number; headers?: Record<string, string>; body?: unknown }

export interface WebhookServerOptions {
  host?: string;
  port?: number;
  /** Bodies past this many bytes get 413. */
  maxBodyBytes?: number;
  /** The secret a target's auth checks calls against, read from its connection for each call. */
  keyOf(target: HookTarget): Promise<WebhookKey | undefined>;
  nowMs?: () => number;
  accept(target: HookTarget, call: HookCall): Promise<HookAnswer>;
  /** A call refused before any run (401, 413, 400); the target is absent when no route matched. */
  refused(target: HookTarget | undefined, status: number, reason: string): void;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const HOOK_PREFIX = '/hook/';

const send = (res: ServerResponse, answer: HookAnswer) => {
  const isText = typeof answer.body === 'string';
  const payload = answer.body === undefined || answer.body === null ? '' : isText ? (answer.body as string) : JSON.stringify(answer.body);
  const headers: Record<string, string | number> = { 'content-length': Buffer.byteLength(payload), ...answer.headers };
  if (payload && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = isText ? 'text/plain; charset=utf-8' : 'application/json';
  res.writeHead(answer.status, headers).end(payload);
};

export function createWebhookServer(opts: WebhookServerOptions) {
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const now = opts.nowMs ?? Date.now;
  let routes: Route<HookTarget>[] = [];

  const refuse = (res: ServerResponse, target: HookTarget | undefined, status: number, reason: string) => {
    opts.refused(target, status, reason);
    send(res, { status, body: { error: reason } });
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(HOOK_PREFIX)) return send(res, { status: 404, body: { error: 'webhooks live under /hook/<path>' } });
    const path = url.pathname.slice(HOOK_PREFIX.length);
    const matches = matchRoute(routes, path);
    const method = req.method ?? 'GET';
    const match = matches.find((m) => m.route.method === method || m.route.method === 'ANY');
    if (!match) {
      req.resume();
      return send(res, matches.length ? { status: 405, body: { error: `this webhook does not take ${method}` } } : { status: 404, body: { error: `no active flow listens on /hook/${path}` } });
    }
    const target = match.route.target;
    const declared = Number(req.headers['content-length']);
    if (declared > maxBody) { req.resume(); return refuse(res, target, 413, `the body is larger than ${maxBody} bytes`); }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBody) return refuse(res, target, 413, `the body is larger than ${maxBody} bytes`);
      chunks.push(chunk);
    }
    const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    let key: WebhookKey | undefined;
    if (target.auth.type !== 'none') {
      try { key = await opts.keyOf(target); } catch (e) { return refuse(res, target, 401, `the webhook's connection cannot be read: ${(e as Error).message}`); }
    }
    const verdict = checkAuth(target.auth, { headers: req.headers, body: raw }, key, Math.floor(now() / 1000));
    if (!verdict.ok) return refuse(res, target, 401, verdict.reason);
    const body = parseBody(raw, req.headers['content-type']);
    if (!body.ok) return refuse(res, target, 400, body.reason);
    const query: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(key);
      query[key] = all.length === 1 ? all[0] : all;
    }
    send(res, await opts.accept(target, { method, path, params: match.params, query, headers: req.headers, body: body.value }));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { error: (e as Error)?.message ?? String(e) } });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;

  return {
    setRoutes(next: Route<HookTarget>[]) { routes = next; },
    async listen(port = opts.port ?? 0): Promise<number> {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, opts.host ?? '127.0.0.1', () => { server.off('error', reject); resolve(); });
      });
      return (server.address() as AddressInfo).port;
    },
    get port() { return (server.address() as AddressInfo | null)?.port; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export type WebhookServer = ReturnType<typeof createWebhookServer>;
