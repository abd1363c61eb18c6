/**
 * insert / update / upsert / delete for one batch of items: map them to rows, then write them
 * `batchSize` rows at a time, each group in its transaction (or the run's), each journaled.
 *
 * Journal: one entry per group of rows (not per row, so a bulk load stays cheap). `key` names
 * the key columns and the range; `before` holds the rows as they were (locked with SELECT … FOR
 * UPDATE until commit; null for insert); `after` holds the table and every key written. Undoing
 * it (revert.ts) deletes the rows with those keys and puts the `before` rows back.
 */
import { JunctionError, type Item, type NodeContext, type WriteOp } from '../../engine/sdk';
import { SqlConnection } from './connection';
import { sqlError } from './errors';
import type { SqlParams } from './params';
import { keyColumnsOf, mapRows } from './rows';
import { target } from './statements';
import { tableInfo } from './table-info';
import type { Driver, SqlConnectionSource } from './types';
import { prepareBatch, type WriteOperation } from './write-batch';

const JOURNAL_OP: Record<WriteOperation, WriteOp> = { insert: 'create', update: 'update', upsert: 'update', delete: 'delete' };

/** What `after` of a journal entry holds: enough to undo the write with the node's connection. */
export interface WrittenRows {
  table: string;
  schema?: string;
  /** SQLite: the file. */
  path?: string;
  keyColumns: string[];
  keys: unknown[][];
  count: number;
}

export async function writeItems(ctx: NodeContext<SqlParams>, driver: Driver, source: SqlConnectionSource, items: Item[], offset = 0): Promise<void> {
  const p = ctx.paramsAsWritten;
  const op = p.operation as WriteOperation;
  const conn = await SqlConnection.forRun(ctx, driver, source);
  const table = await tableInfo(ctx, driver, conn, p.table, p.schema || undefined);
  const d = driver.dialect;
  const keys = keyColumnsOf(ctx, table, d, { required: op !== 'insert' });
  const into = target(d, table.name, p.schema || undefined);
  const system = `${driver.system(source)}/${p.schema ? `${p.schema}.` : ''}${table.name}`;
  for (let start = 0; start < items.length; start += p.batchSize) {
    const group = items.slice(start, start + p.batchSize);
    const first = offset + start;
    const mapped = mapRows(ctx, group, first, table, d);
    if (op !== 'insert') {
      for (const k of keys) {
        const missing = mapped.rows.findIndex((r) => r[k] === undefined || r[k] === null);
        if (missing >= 0) throw new JunctionError('sql.noKey', `item ${first + missing}: no value for key column "${k}"`, { node: ctx.node.name });
      }
    }
    const place = { batch: { offset: first, rows: mapped.rows }, keyColumns: keys, table: table.name };
    try {
      await conn.transact(ctx, driver, p.transaction, async (client) => {
        // Read inside the transaction, so a retried batch sees the rows as they are now.
        const batch = await prepareBatch(client, d, { op, into, columns: mapped.columns, values: mapped.values, keys });
        await ctx.write({
          system, op: JOURNAL_OP[op],
          key: `${keys.join(', ') || '(no key)'}: items ${first}–${first + group.length - 1}`,
          before: op === 'insert' ? null : { rows: batch.before },
          apply: async (): Promise<WrittenRows> => {
            const written = await batch.apply();
            return { table: table.name, ...(p.schema ? { schema: p.schema } : {}), ...(source.path ? { path: source.path } : {}), keyColumns: keys, keys: written, count: group.length };
          },
        });
      });
    } catch (e) {
      throw sqlError(ctx, driver, e, place);
    }
  }
}
