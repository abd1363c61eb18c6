/**
 * Undoes one journaled batch (write.ts): in one transaction, deletes the rows with the keys the
 * batch wrote, then puts back the rows as they were before it. Run newest batch first (the
 * engine's rollback does), this returns the table to how it was before the run.
 */
import { JunctionError, type JournalEntry } from '../../engine/sdk';
import { columnResolver } from './rows';
import { insertSql, target } from './statements';
import type { Driver, Row, SqlConnectionSource } from './types';
import type { WrittenRows } from './write';
import { deleteByKeys } from './write-batch';

export async function revertEntry(driver: Driver, source: SqlConnectionSource, entry: JournalEntry): Promise<void> {
  const after = entry.after as WrittenRows | null;
  const before = ((entry.before as { rows?: Row[] } | null)?.rows ?? []);
  if (!after?.table) throw new JunctionError('rollback.unreadable', `the journal entry for ${entry.system} does not say what was written`);
  if (!after.keyColumns.length) throw new JunctionError('rollback.noKey', `cannot undo the insert into ${entry.system}: the table has no primary key and no key columns were named`);
  const d = driver.dialect;
  const into = target(d, after.table, after.schema);
  const client = await driver.connect(source, 'junction rollback');
  try {
    const [table] = (await driver.describe(client, { table: after.table, schema: after.schema })).filter((t) => t.name === after.table);
    if (!table) throw new JunctionError('rollback.missingTable', `cannot undo: table "${after.table}" no longer exists`);
    const column = columnResolver(table, d);
    await client.begin();
    const keys = [...after.keys, ...before.map((r) => after.keyColumns.map((k) => r[k]))];
    if (keys.length) await deleteByKeys(client, d, into, after.keyColumns, keys.map((k) => k.map((v, i) => d.toParam(v, column(after.keyColumns[i])))));
    for (const row of before) {
      const columns = Object.keys(row);
      await client.query(insertSql(d, into, columns, 1), columns.map((c) => d.toParam(row[c], column(c))));
    }
    await client.commit();
  } catch (e) {
    await client.rollback().catch(() => {});
    if (e instanceof JunctionError) throw e;
    throw new JunctionError('rollback.failed', `undoing the write to ${entry.system} failed: ${driver.explain(e).message}`);
  } finally {
    await client.close().catch(() => {});
  }
}
