import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { stableJson } from '../sdk/json-values';
import type { AuditInput, AuditRecord, AuditStore, AuditVerdict } from './types';

/** The link before the first row. */
export const GENESIS_HASH = '0'.repeat(64);

interface AuditRow { seq: number; at: string; actor: string; action: string; target: string; detail: string | null; prev_hash: string; hash: string }

/** sha256 over the previous hash and the canonical JSON of the row's own fields. */
export function hashRow(prevHash: string, row: { seq: number; at: string; actor: string; action: string; target: string; detail: string | null }): string {
  const detail = row.detail === null ? null : JSON.parse(row.detail);
  const body = stableJson({ seq: row.seq, at: row.at, actor: row.actor, action: row.action, target: row.target, detail });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

export function createAudit(db: Database.Database, now: () => string = () => new Date().toISOString()): AuditStore {
  const last = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare('INSERT INTO audit (seq, at, actor, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const latest = db.prepare('SELECT * FROM audit ORDER BY seq DESC LIMIT ?');
  const all = db.prepare('SELECT * FROM audit ORDER BY seq');

  // IMMEDIATE: reading the chain's tail and appending must not interleave with another process.
  const appendTx = db.transaction((entry: AuditInput): AuditRecord => {
    const tail = last.get() as { seq: number; hash: string } | undefined;
    const seq = (tail?.seq ?? 0) + 1;
    const prevHash = tail?.hash ?? GENESIS_HASH;
    const detail = entry.detail === undefined ? null : stableJson(entry.detail);
    const row = { seq, at: now(), actor: entry.actor, action: entry.action, target: entry.target, detail };
    const hash = hashRow(prevHash, row);
    insert.run(seq, row.at, row.actor, row.action, row.target, detail, prevHash, hash);
    return toRecord({ ...row, prev_hash: prevHash, hash });
  });

  return {
    append: (entry) => appendTx.immediate(entry),
    list: (limit = 100) => (latest.all(limit) as AuditRow[]).map(toRecord),
    verify(): AuditVerdict {
      let prevHash = GENESIS_HASH;
      let expectedSeq = 1;
      // iterate(): the log can be long; hold one row at a time.
      for (const row of all.iterate() as IterableIterator<AuditRow>) {
        if (row.seq !== expectedSeq || row.prev_hash !== prevHash || safeHash(prevHash, row) !== row.hash) {
          return { ok: false, brokenAt: row.seq };
        }
        prevHash = row.hash;
        expectedSeq = row.seq + 1;
      }
      return { ok: true };
    },
  };
}

/** A tampered detail may not even be JSON: that is a broken link, not a crash. */
function safeHash(prevHash: string, row: AuditRow): string | undefined {
  try {
    return hashRow(prevHash, row);
  } catch {
    return undefined;
  }
}

function toRecord(row: AuditRow): AuditRecord {
  return {
    seq: row.seq, at: row.at, actor: row.actor, action: row.action, target: row.target,
    ...(row.detail === null ? {} : { detail: JSON.parse(row.detail) }),
    prevHash: row.prev_hash, hash: row.hash,
  };
}
