/**
 * SQL text built from identifiers the person named (quoted by the dialect's rules) and
 * placeholders; values never enter the text.
 */
import type { Operator } from './params';
import type { Dialect } from './types';

export const target = (d: Dialect, table: string, schema?: string) => (schema ? `${d.quote(schema)}.${d.quote(table)}` : d.quote(table));

const list = (d: Dialect, names: string[]) => names.map((n) => d.quote(n)).join(', ');

/** `(p1, p2), (p3, p4)` for `rows` rows of `width` values, numbered from `from`. */
function tuples(d: Dialect, rows: number, width: number, from = 1): string {
  const out: string[] = [];
  let n = from;
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let c = 0; c < width; c++) row.push(d.placeholder(n++));
    out.push(`(${row.join(', ')})`);
  }
  return out.join(', ');
}

export function insertSql(d: Dialect, into: string, columns: string[], rows: number, opts: { upsertKeys?: string[]; returning?: string[] } = {}): string {
  let sql = `INSERT INTO ${into} (${list(d, columns)}) VALUES ${tuples(d, rows, columns.length)}`;
  if (opts.upsertKeys) sql += ` ${d.upsertTail(opts.upsertKeys, columns.filter((c) => !opts.upsertKeys!.includes(c)))}`;
  if (opts.returning?.length) sql += ` RETURNING ${list(d, opts.returning)}`;
  return sql;
}

/** `WHERE` matching any of `rows` keys: `k IN (…)`, or `(k1, k2) IN ((…), (…))` for composite keys. */
export function keyMatch(d: Dialect, keys: string[], rows: number): string {
  if (keys.length === 1) return `${d.quote(keys[0])} IN (${Array.from({ length: rows }, (_, i) => d.placeholder(i + 1)).join(', ')})`;
  return `(${list(d, keys)}) IN (${tuples(d, rows, keys.length)})`;
}

export const selectByKeysSql = (d: Dialect, from: string, keys: string[], rows: number, lock: boolean) =>
  `SELECT * FROM ${from} WHERE ${keyMatch(d, keys, rows)}${lock ? d.lockRows : ''}`;

export const deleteByKeysSql = (d: Dialect, from: string, keys: string[], rows: number) => `DELETE FROM ${from} WHERE ${keyMatch(d, keys, rows)}`;

export function updateRowSql(d: Dialect, table: string, columns: string[], keys: string[]): string {
  let n = 1;
  const set = columns.map((c) => `${d.quote(c)} = ${d.placeholder(n++)}`).join(', ');
  const where = keys.map((k) => `${d.quote(k)} = ${d.placeholder(n++)}`).join(' AND ');
  return `UPDATE ${table} SET ${set} WHERE ${where}`;
}

export interface SelectSpec {
  from: string;
  columns: string[];
  where: { column: string; operator: Operator; value: unknown }[];
  orderBy: { column: string; direction: 'asc' | 'desc' }[];
  limit?: number;
  offset?: number;
}

const COMPARE: Partial<Record<Operator, string>> = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=', like: 'LIKE' };

/** A SELECT with its bound values; `in` takes a list value and binds each entry. */
export function selectSql(d: Dialect, s: SelectSpec): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const bind = (v: unknown) => { params.push(v); return d.placeholder(params.length); };
  const conds = s.where.map(({ column, operator, value }) => {
    const c = d.quote(column);
    if (operator === 'isNull') return `${c} IS NULL`;
    if (operator === 'isNotNull') return `${c} IS NOT NULL`;
    if (operator === 'in') {
      const values = Array.isArray(value) ? value : [value];
      return values.length ? `${c} IN (${values.map(bind).join(', ')})` : '1 = 0';
    }
    return `${c} ${COMPARE[operator]} ${bind(value)}`;
  });
  let sql = `SELECT ${s.columns.length ? list(d, s.columns) : '*'} FROM ${s.from}`;
  if (conds.length) sql += ` WHERE ${conds.join(' AND ')}`;
  if (s.orderBy.length) sql += ` ORDER BY ${s.orderBy.map((o) => `${d.quote(o.column)} ${o.direction === 'desc' ? 'DESC' : 'ASC'}`).join(', ')}`;
  if (s.limit !== undefined) sql += ` LIMIT ${Math.floor(s.limit)}`;
  if (s.offset) sql += ` OFFSET ${Math.floor(s.offset)}`;
  return { sql, params };
}
