import type Database from 'better-sqlite3';

/** One outgoing webhook call, kept until it is delivered or given up on (then a dead letter). */
export interface Delivery {
  id: string;
  flowId: string;
  runId: string;
  nodeId: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The id of the Webhook secret connection it is signed with (read at each attempt); unsigned when absent. */
  signingConnection?: string;
  attempts: number;
  maxAttempts: number;
  /** When the next attempt is due (epoch ms). */
  nextAt: number;
  status: 'pending' | 'delivered' | 'dead';
  lastError?: string;
  createdAt: string;
  updatedAt: string;
}

export type NewDelivery = Pick<Delivery, 'id' | 'flowId' | 'runId' | 'nodeId' | 'url' | 'headers' | 'body' | 'signingConnection' | 'maxAttempts' | 'nextAt'>;

export interface DeliveryStore {
  enqueue(d: NewDelivery, at?: Date): void;
  /** Pending deliveries due at `nowMs`, oldest first. */
  due(nowMs: number, limit?: number): Delivery[];
  /** The earliest `nextAt` among pending deliveries. */
  nextDue(): number | undefined;
  get(id: string): Delivery | undefined;
  delivered(id: string, attempts: number): void;
  /** After a failed attempt: try again at `nextAt`, or (nextAt undefined) give up: a dead letter. */
  failed(id: string, attempts: number, error: string, nextAt?: number): void;
  deadLetters(limit?: number): Delivery[];
  /** Puts a dead letter back in the queue with its attempts reset; false when there is no such dead letter. */
  replay(id: string, nowMs: number): boolean;
  discard(id: string): boolean;
}

interface Row {
  id: string; flow_id: string; run_id: string; node_id: string; url: string; headers: string; body: string; /** Named before connections; holds the signing connection's id (never a secret). */
  secret_env: string | null;
  attempts: number; max_attempts: number; next_at: number; status: Delivery['status']; last_error: string | null; created_at: string; updated_at: string;
}

const fromRow = (r: Row): Delivery => ({
  id: r.id, flowId: r.flow_id, runId: r.run_id, nodeId: r.node_id, url: r.url, headers: JSON.parse(r.headers) as Record<string, string>, body: r.body,
  ...(r.secret_env ? { signingConnection: r.secret_env } : {}), attempts: r.attempts, maxAttempts: r.max_attempts, nextAt: r.next_at, status: r.status,
  ...(r.last_error ? { lastError: r.last_error } : {}), createdAt: r.created_at, updatedAt: r.updated_at,
});

export function createDeliveryStore(db: Database.Database): DeliveryStore {
  const now = () => new Date().toISOString();
  const insert = db.prepare(`INSERT INTO deliveries (id, flow_id, run_id, node_id, url, headers, body, secret_env, attempts, max_attempts, next_at, status, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 'pending', ?, ?)`);
  const due = db.prepare<[number, number], Row>("SELECT * FROM deliveries WHERE status = 'pending' AND next_at <= ? ORDER BY next_at LIMIT ?");
  const nextDue = db.prepare<[], { n: number | null }>("SELECT MIN(next_at) AS n FROM deliveries WHERE status = 'pending'");
  const get = db.prepare<[string], Row>('SELECT * FROM deliveries WHERE id = ?');
  const update = db.prepare('UPDATE deliveries SET status = ?, attempts = ?, last_error = ?, next_at = ?, updated_at = ? WHERE id = ?');
  const dead = db.prepare<[number], Row>("SELECT * FROM deliveries WHERE status = 'dead' ORDER BY updated_at DESC LIMIT ?");
  const replay = db.prepare("UPDATE deliveries SET status = 'pending', attempts = 0, next_at = ?, updated_at = ? WHERE id = ? AND status = 'dead'");
  const discard = db.prepare("DELETE FROM deliveries WHERE id = ? AND status = 'dead'");
  return {
    enqueue(d, at = new Date()) {
      insert.run(d.id, d.flowId, d.runId, d.nodeId, d.url, JSON.stringify(d.headers), d.body, d.signingConnection ?? null, d.maxAttempts, d.nextAt, at.toISOString(), at.toISOString());
    },
    due: (nowMs, limit = 50) => due.all(nowMs, limit).map(fromRow),
    nextDue: () => nextDue.get()?.n ?? undefined,
    get: (id) => { const r = get.get(id); return r ? fromRow(r) : undefined; },
    delivered(id, attempts) { const r = get.get(id); update.run('delivered', attempts, null, r?.next_at ?? 0, now(), id); },
    failed(id, attempts, error, nextAt) {
      update.run(nextAt === undefined ? 'dead' : 'pending', attempts, error.slice(0, 1000), nextAt ?? 0, now(), id);
    },
    deadLetters: (limit = 100) => dead.all(limit).map(fromRow),
    replay: (id, nowMs) => replay.run(nowMs, now(), id).changes > 0,
    discard: (id) => discard.run(id).changes > 0,
  };
}
