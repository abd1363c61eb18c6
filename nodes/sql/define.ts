/**
 * Builds the node types of one SQL driver: `<engine>.query` (query, select, insert, update,
 * upsert, delete) and `<engine>.changes` (the polling trigger). Each node folder passes its
 * driver and how it reaches the database (a 'database' connection, or a file path for SQLite).
 */
import { defineNode, JunctionError, p, type Item, type NodeAccess, type NodeContext, type NodeType } from '../../engine/sdk';
import { changesParams, pollChanges, type ChangesParams } from './changes';
import { sqlParams, type SqlParams } from './params';
import { runQuery } from './query';
import { revertEntry } from './revert';
import { describeDatabase } from './schema';
import { selectPages } from './select';
import type { Driver, SqlConnectionSource } from './types';
import { writeItems, type WrittenRows } from './write';

export interface SqlNodeOptions {
  driver: Driver;
  /** postgres, mysql, sqlite: the type names' prefix. */
  prefix: string;
  title: string;
  /** 'connection': a 'database' connection whose engine is `engine`; 'file': a path param (SQLite). */
  reach: { by: 'connection'; engine: 'postgres' | 'mysql' } | { by: 'file' };
}

const SLOT = 'db';
const pathParam = { path: p.string().literal().required().describe('The SQLite database file.') };

/** Where the node's database is: its connection (checked to be of the right engine) or its file. */
async function sourceOf(o: SqlNodeOptions, access: NodeAccess, params: Record<string, unknown>, nodeName: string): Promise<SqlConnectionSource> {
  if (o.reach.by === 'file') {
    const path = typeof params.path === 'string' ? params.path.trim() : '';
    if (!path) throw new JunctionError('sql.noPath', 'give the path of the SQLite file', { node: nodeName, path: 'params.path' });
    return { path, nodeName };
  }
  const credential = await access.credential(SLOT);
  if (!credential) throw new JunctionError('sql.noConnection', `pick a ${o.title} connection`, { node: nodeName, path: 'credentials.db' });
  const engine = credential.fields.engine ?? 'postgres';
  if (engine !== o.reach.engine) {
    throw new JunctionError('sql.wrongEngine', `connection "${credential.name}" is for ${engine}, not ${o.title}`, { node: nodeName, path: 'credentials.db' });
  }
  return { credential, nodeName };
}

function common(o: SqlNodeOptions) {
  return {
    version: 1, category: 'connector' as const, icon: 'database',
    ...(o.reach.by === 'connection' ? { credentials: [{ slot: SLOT, types: ['database'], label: `${o.title} connection` }] } : {}),
    describeSchema: async (access: NodeAccess & { params: Record<string, unknown> }) =>
      describeDatabase(o.driver, await sourceOf(o, access, access.params, o.title), access.params.schema as string | undefined),
  };
}

export function defineSqlNode(o: SqlNodeOptions): NodeType {
  const source = (ctx: NodeContext<SqlParams>) => sourceOf(o, ctx, ctx.paramsAsWritten as unknown as Record<string, unknown>, ctx.node.name);
  /** Items of earlier batches of this run, so messages count items from the run's first. */
  const offsetOf = (ctx: NodeContext<SqlParams>, n: number) => {
    const offset = ctx.session.get<number>('sql.offset') ?? 0;
    ctx.session.set('sql.offset', offset + n);
    return offset;
  };
  const batch = async (ctx: NodeContext<SqlParams>): Promise<{ main: Item[] }> => {
    const op = ctx.paramsAsWritten.operation;
    const src = await source(ctx);
    const offset = offsetOf(ctx, ctx.items.length);
    if (op === 'query') return { main: await runQuery(ctx, o.driver, src, ctx.items, offset) };
    if (op === 'select') {
      const main: Item[] = [];
      for await (const page of selectPages(ctx, o.driver, src)) for (const item of page.main) main.push(item);
      return { main };
    }
    await writeItems(ctx, o.driver, src, ctx.items, offset);
    return { main: ctx.items };
  };
  return defineNode({
    ...common(o),
    type: `${o.prefix}.query`, title: o.title,
    description: `Runs SQL on ${o.title}, selects rows page by page, or inserts, updates, upserts and deletes items as rows in batches, in transactions, each write journaled so a run can be undone.`,
    inputs: ['main'], outputs: ['main'],
    params: p.object({ ...(o.reach.by === 'file' ? pathParam : {}), ...sqlParams }),
    batching: 'item',
    async *stream(ctx) {
      const c = ctx as unknown as NodeContext<SqlParams>;
      if (c.paramsAsWritten.operation === 'select') yield* selectPages(c, o.driver, await source(c));
      else yield await batch(c);
    },
    execute: (ctx) => batch(ctx as unknown as NodeContext<SqlParams>),
    async revert(entry, access) {
      const path = (entry.after as WrittenRows | null)?.path;
      const src = o.reach.by === 'file' ? { path, nodeName: o.title } : await sourceOf(o, access, {}, o.title);
      if (o.reach.by === 'file' && !path) throw new JunctionError('rollback.unreadable', `the journal entry for ${entry.system} has no file path`);
      await revertEntry(o.driver, src as SqlConnectionSource, entry);
    },
  });
}

export function defineChangesNode(o: SqlNodeOptions): NodeType {
  return defineNode({
    ...common(o),
    type: `${o.prefix}.changes`, title: `${o.title}: Rows Changed`,
    description: `Starts a run with the rows of a ${o.title} table changed since the last poll, by an updated-at or increasing id column with a tie-breaker, so no row is skipped or repeated.`,
    inputs: [], outputs: ['main'],
    isTrigger: true,
    params: p.object({ ...(o.reach.by === 'file' ? pathParam : {}), ...changesParams }),
    poll: { intervalSeconds: (params) => params.intervalSeconds },
    async execute(ctx) {
      const c = ctx as unknown as NodeContext<ChangesParams>;
      const src = await sourceOf(o, c, c.paramsAsWritten as unknown as Record<string, unknown>, c.node.name);
      return { main: await pollChanges(c, o.driver, src) };
    },
  });
}
