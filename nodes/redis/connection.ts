/**
 * Opens an ioredis client from a 'redis' connection (host, port, db, user, password, tls) and
 * turns what can go wrong on the way into one sentence naming the server. ioredis loads the
 * first time a Redis node runs, not at every start of the engine.
 */
import { JunctionError, lazyLibrary, type ResolvedCredential } from '../../engine/sdk';

type IoRedis = typeof import('ioredis');
export type RedisClient = import('ioredis').Redis;

const ioredis = lazyLibrary<IoRedis>('ioredis');
const CONNECT_TIMEOUT_MS = 10_000;

/** `host:port` of a connection, for messages. */
export const serverOf = (cred: ResolvedCredential) => `${String(cred.fields.host ?? '')}:${Number(cred.fields.port ?? 6379)}`;

/** What a Redis or socket error means for the person, without any secret (Redis never echoes one). */
export function redisProblem(e: unknown, server: string): JunctionError {
  const err = e as Error & { code?: string };
  const text = err?.message ?? String(e);
  if (/WRONGPASS|NOAUTH|invalid password|invalid username-password/i.test(text)) {
    return new JunctionError('redis.auth', `Redis at ${server} refused the sign-in: ${text.replace(/^ReplyError:\s*/, '')}. Check the user and password of the connection.`, { cause: e });
  }
  if (err?.code && /^E[A-Z]+$/.test(err.code)) {
    return new JunctionError('redis.unreachable', `Could not reach Redis at ${server}: ${err.code}.`, { cause: e, retryable: true });
  }
  return new JunctionError('redis.error', `Redis at ${server}: ${text}`, { cause: e });
}

/**
 * A connected client. `reconnect` (for long-lived subscribers) keeps retrying with backoff after
 * the first successful connection; the first connection itself fails fast either way, so a wrong
 * host or password is reported at once rather than retried forever.
 */
export async function openRedis(cred: ResolvedCredential | undefined, opts: { reconnect?: boolean; name?: string } = {}): Promise<RedisClient> {
  if (!cred) throw new JunctionError('redis.connection', 'Pick a Redis connection for this node.');
  const f = cred.fields;
  const server = serverOf(cred);
  let connected = false;
  const client = new (ioredis().Redis)({
    host: String(f.host ?? ''), port: Number(f.port ?? 6379), db: Number(f.db ?? 0) || 0,
    username: f.user ? String(f.user) : undefined,
    password: (await cred.secret?.('password')) || undefined,
    tls: f.tls ? { servername: String(f.host ?? '') } : undefined,
    connectionName: opts.name,
    lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: opts.reconnect ? null : 1,
    retryStrategy: (attempt: number) => (connected && opts.reconnect ? Math.min(attempt * 200, 5_000) : null),
  });
  let lastError: unknown;
  client.on('error', (e: unknown) => { lastError = e; }); // an unhandled 'error' event would end the process
  try {
    await client.connect();
  } catch (e) {
    client.disconnect();
    throw redisProblem(lastError ?? e, server);
  }
  connected = true;
  return client;
}
