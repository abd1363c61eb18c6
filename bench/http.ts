/**
 * Requests per second through the shared HTTP layer (`ctx.http`) against a node:http server on
 * loopback, beside the same requests through undici alone: the difference is what the layer's
 * retries, redaction, timing and recording cost per request.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { systemClock } from '../engine/exec/clock';
import { createHttpClient } from '../engine/http/client';

const TOTAL = 4000;
const CONCURRENCY = 16;
const ROUNDS = 3;

async function perSecond(send: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await send(); // warm-up: connections open, code compiled
  let left = TOTAL;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (left-- > 0) await send(); }));
  return Math.round(TOTAL / ((performance.now() - t0) / 1000));
}

export async function measureHttp(): Promise<{ label: string; perSecond: number }[]> {
  const body = JSON.stringify({ id: 1, name: 'Ada', tags: ['a', 'b'] });
  const server = createServer((_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(body); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/item`;
  const http = createHttpClient({ signal: new AbortController().signal, clock: systemClock });
  const credential = { id: 'bench', apply: async ({ headers }: { headers: Record<string, string> }) => { headers.authorization = 'Bearer bench-token-123'; }, secrets: () => ['bench-token-123'] };
  const agent = new Agent();
  const cases: [string, () => Promise<unknown>][] = [
    ['undici alone, JSON GET', async () => (await request(url, { dispatcher: agent })).body.json()],
    ['ctx.http, JSON GET', () => http.request({ url })],
    ['ctx.http, JSON GET with a bearer connection', () => http.request({ url, credential })],
  ];
  // Rounds interleave the cases so a busy machine slows each alike; the best round counts.
  const best = new Map<string, number>();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [label, send] of cases) best.set(label, Math.max(best.get(label) ?? 0, await perSecond(send)));
    }
    return cases.map(([label]) => ({ label, perSecond: best.get(label)! }));
  } finally {
    await agent.close();
    server.closeAllConnections();
    server.close();
  }
}
