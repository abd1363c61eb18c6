/**
 * Values between items (JSON) and drivers. Items keep plain JSON: dates as ISO strings, bytes
 * as base64; values bound to statements are converted per column type by each dialect.
 */
import type { Row } from './types';

/** A row from a driver as item JSON: dates as ISO 8601 text, bytes as base64, big integers as text. */
export function jsonRow(row: Row): Row {
  for (const k in row) {
    const v = row[k];
    if (v === null || typeof v !== 'object' && typeof v !== 'bigint') continue;
    if (v instanceof Date) row[k] = Number.isNaN(v.getTime()) ? null : v.toISOString();
    else if (v instanceof Uint8Array) row[k] = Buffer.from(v).toString('base64');
    else if (typeof v === 'bigint') row[k] = v.toString();
  }
  return row;
}

/** Objects and lists as JSON text for columns that store text or JSON; dates as ISO text. */
export function plainParam(v: unknown): unknown {
  if (v === undefined) return null;
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return v;
  return JSON.stringify(v);
}
