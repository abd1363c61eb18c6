/**
 * The statements of one batch of a write, inside its transaction: the rows as they were (locked
 * until commit), then the change. PostgreSQL loads rows through COPY (straight into the table, or
 * into a temporary staging table that upsert and update join); the others use multi-row
 * statements with bound values, as many rows per statement as the server's parameter limit allows.
 */
import { deleteByKeysSql, insertSql, selectByKeysSql, updateRowSql } from './statements';
import type { Dialect, Row, SqlClient } from './types';

export type WriteOperation = 'insert' | 'update' | 'upsert' | 'delete';

export interface BatchPlan {
  op: WriteOperation;
  into: string;
  columns: string[];
  values: unknown[][];
  keys: string[];
}

/** A batch ready to write: the rows as they were (read and locked), and the write itself. */
export interface PreparedBatch {
  /** The rows as they were before (update, upsert, delete; empty for insert). */
  before: Row[];
  /** Writes the batch; gives the key of every row written, in `keys` order. */
  apply(): Promise<unknown[][]>;
}

const STAGE = 'junction_stage';

/** Row groups small enough for one statement (the server's parameter limit), with their first row's index. */
function* chunks<T>(rows: T[], width: number, d: Dialect): Generator<[T[], number]> {
  const size = Math.min(d.rowsPerStatement ?? Infinity, Math.max(1, Math.floor(d.maxParams / Math.max(1, width))));
  for (let i = 0; i < rows.length; i += size) yield [rows.slice(i, i + size), i];
}

/** Runs one statement over rows `start`…; a failure remembers them, so the message can name the item. */
export async function atRows<T>(start: number, count: number, run: () => Promise<T>): Promise<T> {
  try { return await run(); } catch (e) {
    if (e && typeof e === 'object' && !('rowsAt' in e)) Object.assign(e, { rowsAt: { start, count } });
    throw e;
  }
}

const flat = (rows: unknown[][]) => rows.flat(1);

export async function readBefore(client: SqlClient, d: Dialect, into: string, keys: string[], keyValues: unknown[][]): Promise<Row[]> {
  const before: Row[] = [];
  for (const [part] of chunks(keyValues, keys.length, d)) {
    const { rows } = await client.query(selectByKeysSql(d, into, keys, part.length, true), flat(part));
    for (const r of rows) before.push(r);
  }
  return before;
}

export async function deleteByKeys(client: SqlClient, d: Dialect, into: string, keys: string[], keyValues: unknown[][]): Promise<void> {
  for (const [part] of chunks(keyValues, keys.length, d)) await client.query(deleteByKeysSql(d, into, keys, part.length), flat(part));
}

/**
 * Reads (and locks) the rows a batch will change, and returns the write to do next. Keys the
 * server generates come back from RETURNING or MySQL's insert id.
 */
export async function prepareBatch(client: SqlClient, d: Dialect, plan: BatchPlan): Promise<PreparedBatch> {
  const { op, into, columns, values, keys } = plan;
  const keyAt = keys.map((k) => columns.indexOf(k));
  const hasKeys = keyAt.every((i) => i >= 0);
  const keyValues = hasKeys ? values.map((row) => keyAt.map((i) => row[i])) : [];
  if (client.copyRows && op !== 'delete') return staged(client, d, plan, keyValues, hasKeys);
  let before: Row[] = [];
  if (op !== 'insert') before = await readBefore(client, d, into, keys, keyValues);
  if (op === 'delete') return { before, apply: async () => { await deleteByKeys(client, d, into, keys, keyValues); return keyValues; } };
  if (op === 'update') {
    const set = columns.filter((c) => !keys.includes(c));
    const setAt = set.map((c) => columns.indexOf(c));
    const sql = updateRowSql(d, into, set, keys);
    return {
      before,
      apply: async () => {
        if (!set.length) return keyValues;
        for (let r = 0; r < values.length; r++) {
          const row = values[r];
          await atRows(r, 1, () => client.query(sql, [...setAt.map((i) => row[i]), ...keyAt.map((i) => row[i])]));
        }
        return keyValues;
      },
    };
  }
  return { before, apply: () => insertRows(client, d, plan, hasKeys ? keyValues : undefined) };
}

async function insertRows(client: SqlClient, d: Dialect, plan: BatchPlan, keyValues: unknown[][] | undefined): Promise<unknown[][]> {
  const { op, into, columns, values, keys } = plan;
  const hasKeys = keyValues !== undefined;
  const generated: unknown[][] = [];
  const returning = op === 'insert' && !hasKeys && keys.length && d.hasReturning ? keys : undefined;
  for (const [part, start] of chunks(values, columns.length, d)) {
    const sql = insertSql(d, into, columns, part.length, { upsertKeys: op === 'upsert' ? keys : undefined, returning });
    const result = await atRows(start, part.length, () => client.query(sql, flat(part)));
    if (returning) for (const r of result.rows) generated.push(keys.map((k) => r[k]));
    else if (op === 'insert' && !hasKeys && keys.length === 1 && result.insertId !== undefined) {
      // MySQL gives the first id of a multi-row insert; InnoDB hands out consecutive ids to one statement.
      for (let i = 0; i < part.length; i++) generated.push([result.insertId + i]);
    }
  }
  return keyValues ?? generated;
}

/** PostgreSQL: rows travel by COPY; upsert and update join a temporary table holding the batch. */
async function staged(client: SqlClient, d: Dialect, plan: BatchPlan, keyValues: unknown[][], hasKeys: boolean): Promise<PreparedBatch> {
  const { op, into, columns, values, keys } = plan;
  if (op === 'insert' && (hasKeys || !keys.length)) {
    return { before: [], apply: async () => { await client.copyRows!(into, columns, values); return keyValues; } };
  }
  // Keys made by the server (serial, identity): RETURNING tells which rows this batch made.
  if (op === 'insert') return { before: [], apply: () => insertRows(client, d, plan, undefined) };
  const q = (n: string) => d.quote(n);
  const cols = columns.map(q).join(', ');
  const stage = q(STAGE);
  // The staging table has the target's column types and none of its constraints; it lives until commit.
  // One round trip for both (no bound values, so the server takes the two statements at once).
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS ${stage} ON COMMIT DROP AS SELECT ${cols} FROM ${into} WITH NO DATA; TRUNCATE ${stage}`);
  await client.copyRows!(stage, columns, values);
  const keyList = keys.map(q).join(', ');
  // ANALYZE first: without row counts for the fresh staging table the planner scans the whole target per batch.
  const { rows: before } = await client.query(`ANALYZE ${stage}; SELECT * FROM ${into} WHERE (${keyList}) IN (SELECT ${keyList} FROM ${stage})${d.lockRows}`);
  const set = columns.filter((c) => !keys.includes(c));
  const assign = set.map((c) => `${q(c)} = s.${q(c)}`).join(', ');
  const match = keys.map((k) => `t.${q(k)} = s.${q(k)}`).join(' AND ');
  const sql = op === 'upsert' ? `INSERT INTO ${into} (${cols}) SELECT ${cols} FROM ${stage} ${d.upsertTail(keys, set)}`
    : set.length ? `UPDATE ${into} AS t SET ${assign} FROM ${stage} AS s WHERE ${match}` : undefined;
  return { before, apply: async () => { if (sql) await client.query(sql); return keyValues; } };
}
