/**
 * One connection per node run, kept in the node's session across batches and closed when the
 * node ends. Writes go through `transact`: a transaction per batch (retried on a fresh connection
 * when the connection drops, so a batch is never written twice or in part) or one transaction
 * for the whole run, committed or rolled back when the node ends.
 */
import type { NodeContext } from '../../engine/sdk';
import { sqlError } from './errors';
import type { Driver, SqlClient, SqlConnectionSource } from './types';

const ATTEMPTS = 3;

export class SqlConnection {
  private isInRunTransaction = false;
  private constructor(private live: SqlClient, private readonly reopen: () => Promise<SqlClient>) {}

  /** The open client (a new one after a reconnect). */
  get current(): SqlClient { return this.live; }

  /** The node run's connection: opened on first use, closed (after commit or rollback) when the node ends. */
  static async forRun(ctx: NodeContext<unknown>, driver: Driver, source: SqlConnectionSource): Promise<SqlConnection> {
    const existing = ctx.session.get<SqlConnection>('sql.connection');
    if (existing) return existing;
    // Shown in the server's session list, so an operator (or a test) can find this node's connection.
    const label = `junction ${ctx.run.id} ${ctx.node.id}`.slice(0, 63);
    const open = async () => {
      try { return await driver.connect(source, label); } catch (e) { throw sqlError(ctx, driver, e, {}); }
    };
    const conn = new SqlConnection(await open(), open);
    ctx.session.set('sql.connection', conn);
    ctx.session.onEnd(async (outcome) => {
      try {
        if (conn.isInRunTransaction) {
          if (outcome === 'success') await conn.current.commit().catch((e) => { throw sqlError(ctx, driver, e, { what: 'committing the run\'s transaction' }); });
          else await conn.current.rollback().catch(() => { /* a lost connection rolled it back already */ });
        }
      } finally {
        await conn.current.close().catch(() => {});
      }
    });
    return conn;
  }

  /**
   * Runs `work` in a transaction. Per batch: begin, work, commit; a dropped connection rolls the
   * batch back on the server, so it is retried whole on a new connection. Per run: the work joins
   * the run's one transaction; a dropped connection lost all of it, so the node fails instead.
   */
  async transact<T>(ctx: NodeContext<unknown>, driver: Driver, mode: 'batch' | 'run', work: (client: SqlClient) => Promise<T>): Promise<T> {
    if (mode === 'run') {
      if (!this.isInRunTransaction) { await this.current.begin(); this.isInRunTransaction = true; }
      try { return await work(this.current); } catch (e) {
        if (driver.explain(e).kind === 'connection') {
          this.isInRunTransaction = false;
          throw sqlError(ctx, driver, e, { what: 'the run\'s transaction (the connection dropped; the server rolled back everything this node wrote in this run)' });
        }
        throw e;
      }
    }
    for (let attempt = 1; ; attempt++) {
      const client = this.current;
      try {
        await client.begin();
        const result = await work(client);
        await client.commit();
        return result;
      } catch (e) {
        const isLost = driver.explain(e).kind === 'connection';
        if (!isLost) { await client.rollback().catch(() => {}); throw e; }
        await client.close().catch(() => {});
        if (attempt >= ATTEMPTS) throw e;
        ctx.log.warn(`the connection dropped during a batch (attempt ${attempt} of ${ATTEMPTS}); the server rolled the batch back; writing it again on a new connection`);
        await ctx.clock.sleep(100 * attempt, ctx.signal);
        this.live = await this.reopen();
      }
    }
  }
}
