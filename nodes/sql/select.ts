/**
 * select: the rows matching the conditions, read a page at a time (LIMIT/OFFSET) and passed on
 * page by page. Without an order, rows are ordered by the primary key so pages neither overlap
 * nor skip while nobody writes to the table (rows inserted meanwhile may shift later pages).
 */
import type { Item, NodeContext } from '../../engine/sdk';
import { SqlConnection } from './connection';
import { sqlError } from './errors';
import type { SqlParams } from './params';
import { columnResolver } from './rows';
import { jsonRow } from './values';
import { selectSql, target } from './statements';
import { tableInfo } from './table-info';
import type { Driver, SqlConnectionSource } from './types';

export async function* selectPages(ctx: NodeContext<SqlParams>, driver: Driver, source: SqlConnectionSource): AsyncGenerator<{ main: Item[] }> {
  const p = ctx.params;
  const d = driver.dialect;
  const conn = await SqlConnection.forRun(ctx, driver, source);
  const table = await tableInfo(ctx, driver, conn, p.table, p.schema || undefined);
  const column = columnResolver(table, d);
  const name = (c: string, path: string) => column(c)?.name ?? ctx.fail(`table "${table.name}" has no column "${c}"`, { code: 'sql.unknownColumn', path });
  const columns = p.columns.map((c, i) => name(c, `params.columns[${i}]`));
  const where = p.where.map((w, i) => {
    const col = column(w.column);
    const value = w.operator === 'in' && Array.isArray(w.value) ? w.value.map((v) => d.toParam(v, col)) : d.toParam(w.value, col);
    return { ...w, column: name(w.column, `params.where[${i}].column`), value };
  });
  const orderBy = p.orderBy.length ? p.orderBy.map((o, i) => ({ ...o, column: name(o.column, `params.orderBy[${i}].column`) }))
    : table.columns.filter((c) => c.isKey).map((c) => ({ column: c.name, direction: 'asc' as const }));
  const from = target(d, table.name, p.schema || undefined);
  const client = conn.current;
  for (let offset = 0; ; offset += p.pageSize) {
    const size = p.limit ? Math.min(p.pageSize, p.limit - offset) : p.pageSize;
    if (size <= 0) return;
    const { sql, params } = selectSql(d, { from, columns, where, orderBy, limit: size, offset });
    let rows;
    try { ({ rows } = await client.query(sql, params)); } catch (e) { throw sqlError(ctx, driver, e, { table: table.name }); }
    if (rows.length) yield { main: rows.map((r) => ctx.newItem(jsonRow(r))) };
    if (rows.length < size) return;
  }
}
