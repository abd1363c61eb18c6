/**
 * Turns a server's error into one sentence a person can act on: the node (set on the error),
 * the item (row) and the column where the server said which, never a stack trace.
 */
import { JunctionError, type NodeContext } from '../../engine/sdk';
import type { Driver, Row, ServerError } from './types';

export interface ErrorPlace {
  /** What was being done, for errors that are not about one row. */
  what?: string;
  /** The batch being written: its first item's index and its rows, to find the item at fault. */
  batch?: { offset: number; rows: Row[] };
  /** The item being worked on, when there is exactly one. */
  item?: number;
  /** Columns that identify a row, to find the item of a unique-key violation. */
  keyColumns?: string[];
  table?: string;
}

const CODES: Record<ServerError['kind'], string> = {
  connection: 'sql.connection', auth: 'sql.auth', missingTable: 'sql.missingTable', unknownColumn: 'sql.unknownColumn',
  type: 'sql.type', unique: 'sql.unique', notNull: 'sql.notNull', other: 'sql.failed',
};

export function sqlError(ctx: NodeContext<unknown>, driver: Driver, e: unknown, place: ErrorPlace): JunctionError {
  if (e instanceof JunctionError) return e.node ? e : new JunctionError(e.code, e.message, { node: ctx.node.name, path: e.path });
  if (e instanceof Error && e.name === 'AbortError') throw e;
  const info = driver.explain(e);
  const parts: string[] = [];
  const item = place.item ?? itemOf(info, place, (e as { rowsAt?: { start: number; count: number } }).rowsAt);
  if (item !== undefined) parts.push(`item ${item}`);
  else if (place.batch && info.kind !== 'connection' && info.kind !== 'auth') {
    parts.push(`items ${place.batch.offset}–${place.batch.offset + place.batch.rows.length - 1}`);
  }
  if (info.column) parts.push(`column "${info.column}"`);
  const where = parts.length ? `${parts.join(', ')}: ` : '';
  const what = place.what && !parts.length ? `${place.what}: ` : '';
  const key = info.kind === 'unique' && info.key ? ` (key ${info.key})` : '';
  const table = place.table && info.kind === 'missingTable' ? ` (table "${place.table}")` : '';
  return new JunctionError(CODES[info.kind], `${where}${what}${info.message}${key}${table}`, { node: ctx.node.name, retryable: info.kind === 'connection' });
}

/** The index of the item the server's error is about, when it said a row or a key. */
function itemOf(info: ServerError, place: ErrorPlace, rowsAt?: { start: number; count: number }): number | undefined {
  const batch = place.batch;
  if (!batch) return undefined;
  // rowsAt: the statement that failed held these rows of the batch; the server's row counts within it.
  const start = rowsAt?.start ?? 0;
  if (info.row === undefined && rowsAt?.count === 1) return batch.offset + start;
  if (info.row !== undefined && info.row >= 1 && start + info.row <= batch.rows.length) return batch.offset + start + info.row - 1;
  if (info.kind === 'notNull' && info.column) {
    const at = batch.rows.findIndex((r) => r[info.column!] === null || r[info.column!] === undefined);
    if (at >= 0) return batch.offset + at;
  }
  if (info.kind === 'unique' && info.keyValues && place.keyColumns?.length) {
    const wanted = info.keyValues;
    const at = batch.rows.findIndex((r) => sameKey(place.keyColumns!.map((c) => r[c]), wanted));
    if (at >= 0) return batch.offset + at;
  }
  return undefined;
}

const text = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v));
/** Per value where the server listed them apart (PostgreSQL); joined with '-' where it printed one text (MySQL). */
const sameKey = (values: unknown[], wanted: string[]) => (values.length === wanted.length
  ? values.every((v, i) => text(v) === wanted[i])
  : wanted.length === 1 && values.map(text).join('-') === wanted[0]);
