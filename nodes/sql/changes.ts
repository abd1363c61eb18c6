/**
 * "Rows changed since": a polling trigger over an updated-at or increasing id column. The cursor
 * is the pair (value, tie-breaker) of the last row passed on, kept in the node's state (committed
 * only when the run succeeds), and each poll asks for
 *   WHERE c > :value OR (c = :value AND pk > :tiebreak) ORDER BY c, pk LIMIT n
 * so rows sharing a cursor value are neither skipped nor repeated, however a page ends.
 */
import { p, type Item, type NodeContext } from '../../engine/sdk';
import { SqlConnection } from './connection';
import { sqlError } from './errors';
import { columnResolver } from './rows';
import { target } from './statements';
import { tableInfo } from './table-info';
import type { Driver, SqlConnectionSource } from './types';
import { jsonRow } from './values';

export const changesParams = {
  schema: p.string().literal().describe('PostgreSQL schema or MySQL database; empty: the connection\'s default.'),
  table: p.string().literal().required(),
  cursorColumn: p.string().literal().required().describe('An updated-at timestamp or an id that only grows.'),
  tiebreakColumn: p.string().literal().describe('A unique column ordering rows with the same cursor value; empty: the primary key.'),
  maxRows: p.number().int().min(1).max(100_000).default(1_000).literal().describe('The most rows one poll passes on; the rest come next poll.'),
  intervalSeconds: p.number().int().min(1).default(60).literal(),
  firstPoll: p.select(['newOnly', 'all'], { newOnly: 'only rows changed from now on', all: 'every row already there, then changes' }).default('newOnly').literal(),
};

export interface ChangesParams {
  schema?: string; table: string; cursorColumn: string; tiebreakColumn?: string; maxRows: number; intervalSeconds: number; firstPoll: 'newOnly' | 'all';
}

interface Cursor { value: unknown; tiebreak: unknown }

export async function pollChanges(ctx: NodeContext<ChangesParams>, driver: Driver, source: SqlConnectionSource): Promise<Item[]> {
  const p = ctx.paramsAsWritten;
  const d = driver.dialect;
  const conn = await SqlConnection.forRun(ctx, driver, source);
  const table = await tableInfo(ctx, driver, conn, p.table, p.schema || undefined);
  const column = columnResolver(table, d);
  const c = column(p.cursorColumn)?.name ?? ctx.fail(`table "${table.name}" has no column "${p.cursorColumn}"`, { code: 'sql.unknownColumn', path: 'params.cursorColumn' });
  const tiebreak = p.tiebreakColumn
    ? column(p.tiebreakColumn)?.name ?? ctx.fail(`table "${table.name}" has no column "${p.tiebreakColumn}"`, { code: 'sql.unknownColumn', path: 'params.tiebreakColumn' })
    : table.columns.find((x) => x.isKey)?.name ?? ctx.fail(`name a tie-breaker column: table "${table.name}" has no primary key`, { code: 'sql.noKey', path: 'params.tiebreakColumn' });
  const from = target(d, table.name, p.schema || undefined);
  const [qc, qt] = [d.quote(c), d.quote(tiebreak)];
  const cursor = ctx.state.get<Cursor>('cursor');
  const client = conn.current;
  try {
    if (!cursor && p.firstPoll === 'newOnly') {
      const { rows } = await client.query(`SELECT ${qc}, ${qt} FROM ${from} ORDER BY ${qc} DESC, ${qt} DESC LIMIT 1`);
      ctx.state.set('cursor', rows.length ? { value: rows[0][c], tiebreak: rows[0][tiebreak] } : { value: null, tiebreak: null });
      return [];
    }
    const order = `ORDER BY ${qc}, ${qt} LIMIT ${p.maxRows}`;
    const { rows } = !cursor || cursor.value === null
      ? await client.query(`SELECT * FROM ${from} WHERE ${qc} IS NOT NULL ${order}`)
      : await client.query(
        `SELECT * FROM ${from} WHERE ${qc} > ${d.placeholder(1)} OR (${qc} = ${d.placeholder(2)} AND ${qt} > ${d.placeholder(3)}) ${order}`,
        [cursor.value, cursor.value, cursor.tiebreak],
      );
    if (!rows.length) return [];
    const last = rows[rows.length - 1];
    ctx.state.set('cursor', { value: last[c], tiebreak: last[tiebreak] });
    return rows.map((r) => ctx.newItem(jsonRow(r)));
  } catch (e) {
    throw sqlError(ctx, driver, e, { table: table.name });
  }
}
