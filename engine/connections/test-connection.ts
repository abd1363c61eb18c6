/**
 * "Test connection": one real request, and a sentence a person understands
 * ("401 from api.example.com: token expired"). HTTP kinds call their test URL; token kinds
 * first obtain a token; server kinds (database, mail) open a TCP (or TLS) connection. Redis signs
 * in and sends PING through ioredis, loaded only then: a port that answers may still refuse the
 * password, and a Redis sign-in is one round trip.
 */
import { connect as tcpConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { isJunctionError } from '../sdk/errors';
import type { ConnectionRecord } from '../store/types';
import type { ConnectionManager } from './manager';
import { parseUrl } from './oauth';
import { usesTokens } from './tokens';
import type { TestResult } from './types';

export type { TestResult } from './types';


const TIMEOUT_MS = 10_000;
const EXCERPT = 200;

export async function testConnection(m: ConnectionManager, rec: ConnectionRecord): Promise<TestResult> {
  try {
    if (['database', 'smtp', 'imap'].includes(rec.type)) return await reach(rec);
    if (rec.type === 'redis') return await pingRedis(m, rec);
    if (rec.type === 'webhookSecret') return { ok: true, message: 'A webhook secret calls nothing by itself: it is checked when a webhook arrives, or signs the webhooks a flow sends.' };
    if (usesTokens(rec.type)) await m.tokens.accessToken(rec, rec.fields.grant !== 'authorizationCode');
    if (!rec.fields.testUrl) {
      return usesTokens(rec.type)
        ? { ok: true, message: 'A token was obtained. Add a test URL to also check it against the API.' }
        : { ok: false, message: 'Nothing to test against: add a test URL that needs this authentication.' };
    }
    return await callTestUrl(m, rec);
  } catch (e) {
    if (isJunctionError(e)) return { ok: false, message: e.message };
    return { ok: false, message: `The test failed: ${(e as Error)?.message ?? String(e)}` };
  }
}

async function callTestUrl(m: ConnectionManager, rec: ConnectionRecord): Promise<TestResult> {
  const credential = await m.resolve({ id: rec.id, type: rec.type, name: rec.name });
  const req = { url: parseUrl(String(rec.fields.testUrl), 'The test URL'), headers: {} as Record<string, string> };
  await credential.apply(req);
  let res = await fetch(req.url, { headers: req.headers, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' });
  if (res.status === 401 && credential.refresh && await credential.refresh()) {
    await credential.apply(req);
    res = await fetch(req.url, { headers: req.headers, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' });
  }
  const host = req.url.host;
  if (res.ok) return { ok: true, status: res.status, message: `${res.status} ${res.statusText || 'OK'} from ${host}: the connection works.` };
  const body = redact((await res.text().catch(() => '')).replace(/\s+/g, ' ').trim(), credential.secrets());
  const challenge = res.headers.get('www-authenticate');
  const why = (challenge && /error_description="([^"]*)"/.exec(challenge)?.[1]) || body.slice(0, EXCERPT) || res.statusText;
  return { ok: false, status: res.status, message: `${res.status} from ${host}${why ? `: ${why}` : ''}` };
}

function reach(rec: ConnectionRecord): Promise<TestResult> {
  const host = String(rec.fields.host ?? ''), port = Number(rec.fields.port);
  const tls = rec.fields.security === 'tls';
  return new Promise((resolve) => {
    const socket = tls ? tlsConnect({ host, port, servername: host, timeout: TIMEOUT_MS }) : tcpConnect({ host, port, timeout: TIMEOUT_MS });
    const done = (r: TestResult) => { socket.destroy(); resolve(r); };
    socket.once(tls ? 'secureConnect' : 'connect', () => done({ ok: true, message: `Reached ${host}:${port}${tls ? ' over TLS' : ''}. The sign-in itself is checked when a node uses this connection.` }));
    socket.once('timeout', () => done({ ok: false, message: `No answer from ${host}:${port} within ${TIMEOUT_MS / 1000} s.` }));
    socket.once('error', (e: NodeJS.ErrnoException) => done({ ok: false, message: `Could not reach ${host}:${port}: ${e.code ?? e.message}.` }));
  });
}

async function pingRedis(m: ConnectionManager, rec: ConnectionRecord): Promise<TestResult> {
  const credential = await m.resolve({ id: rec.id, type: rec.type, name: rec.name });
  const host = String(rec.fields.host ?? ''), port = Number(rec.fields.port ?? 6379);
  const { Redis } = await import('ioredis'); // loaded only when a Redis connection is tested
  const client = new Redis({
    host, port, db: Number(rec.fields.db ?? 0) || 0, username: rec.fields.user ? String(rec.fields.user) : undefined,
    password: (await credential.secret?.('password')) || undefined, tls: rec.fields.tls ? { servername: host } : undefined,
    lazyConnect: true, connectTimeout: TIMEOUT_MS, maxRetriesPerRequest: 0, retryStrategy: () => null,
  });
  let lastError: Error | undefined;
  client.on('error', (e: Error) => { lastError = e; });
  try {
    await client.connect();
    const pong = await client.ping();
    return { ok: true, message: `Redis at ${host}:${port} answered ${pong}: the connection works.` };
  } catch (e) {
    const err = (lastError ?? e) as NodeJS.ErrnoException;
    const why = err.code && /^E[A-Z]+$/.test(err.code) ? `could not connect (${err.code})` : err.message;
    return { ok: false, message: `Redis at ${host}:${port}: ${redact(why, credential.secrets())}.` };
  } finally {
    client.disconnect();
  }
}

/** Replaces each secret value in text; used before any text from outside is shown or kept. */
export function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s && out.includes(s)) out = out.split(s).join('[redacted]');
  return out;
}
