/**
 * query: the person's SQL, run once per item (once when there are none) with the "Parameters"
 * values bound to its placeholders; the rows it returns become items. It runs in the node's
 * transaction like the writes, but is not journaled: arbitrary SQL has no known inverse.
 */
import { JunctionError, type Item, type NodeContext } from '../../engine/sdk';
import { SqlConnection } from './connection';
import { sqlError } from './errors';
import type { SqlParams } from './params';
import type { Driver, SqlConnectionSource } from './types';
import { jsonRow, plainParam } from './values';

export async function runQuery(ctx: NodeContext<SqlParams>, driver: Driver, source: SqlConnectionSource, items: Item[], offset = 0): Promise<Item[]> {
  const sql = ctx.paramsAsWritten.sql?.trim();
  if (!sql) throw new JunctionError('sql.noQuery', 'write the SQL to run', { node: ctx.node.name, path: 'params.sql' });
  const conn = await SqlConnection.forRun(ctx, driver, source);
  const parameters = ctx.paramReader(['parameters']);
  const runs: { item?: Item; index: number }[] = items.length ? items.map((item, i) => ({ item, index: offset + i })) : [{ index: 0 }];
  const out: Item[] = [];
  await conn.transact(ctx, driver, ctx.paramsAsWritten.transaction, async (client) => {
    out.length = 0; // a retried batch starts over
    for (const { item, index } of runs) {
      const values = ((item ? parameters(item, index) : ctx.params.parameters) as unknown[] | undefined ?? []).map(plainParam);
      let rows;
      try { ({ rows } = await client.query(sql, values)); } catch (e) {
        if (driver.explain(e).kind === 'connection') throw e;
        throw sqlError(ctx, driver, e, { item: item ? index : undefined });
      }
      for (const r of rows) out.push(ctx.newItem(jsonRow(r), item));
    }
  });
  return out;
}
