/**
 * The table a node writes to, read from the server once per node run: its columns check the
 * mapping, its primary key identifies rows, its types convert values.
 */
import { JunctionError, type NodeContext } from '../../engine/sdk';
import type { SqlConnection } from './connection';
import { sqlError } from './errors';
import type { Driver, TableInfo } from './types';

export async function tableInfo(ctx: NodeContext<unknown>, driver: Driver, conn: SqlConnection, table: string | undefined, schema: string | undefined): Promise<TableInfo> {
  if (!table) throw new JunctionError('sql.noTable', 'name the table', { node: ctx.node.name, path: 'params.table' });
  const cacheKey = `sql.table:${schema ?? ''}.${table}`;
  const cached = ctx.session.get<TableInfo>(cacheKey);
  if (cached) return cached;
  let found: TableInfo[];
  try { found = await driver.describe(conn.current, { table, schema }); } catch (e) { throw sqlError(ctx, driver, e, { what: `reading the columns of table "${table}"` }); }
  const info = found.find((t) => t.name === table) ?? found.find((t) => t.name.toLowerCase() === table.toLowerCase() && driver.dialect.engine !== 'postgres');
  if (!info) {
    const where = schema ? ` in schema "${schema}"` : '';
    throw new JunctionError('sql.missingTable', `table "${table}" does not exist${where} (${driver.dialect.title})`, { node: ctx.node.name, path: 'params.table' });
  }
  ctx.session.set(cacheKey, info);
  return info;
}
