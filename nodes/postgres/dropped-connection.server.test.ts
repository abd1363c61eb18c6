import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithServer } from '../../test/servers/use-server';
import { runNode } from '../../engine/sdk/testing';
import { databaseCredential } from '../sql/test-credential';
import query from './query';

/**
 * The server ends the node's session in the middle of a batch (pg_terminate_backend, as an
 * operator or a failover would). A trigger holds row 1500 in a sleep so the batch is surely in
 * flight when it happens; the table has no unique key, so a row written twice would show.
 */
describeWithServer('postgres', 'postgres.query when its connection drops mid-batch', (info) => {
  const admin = new pg.Client({ host: String(info.host), port: Number(info.port), user: String(info.user), password: String(info.password), database: String(info.database) });
  const credentials = { db: databaseCredential('postgres', info) };
  const sql = async (text: string) => (await admin.query(text)).rows;

  beforeAll(async () => {
    await admin.connect();
    await sql(`DROP TABLE IF EXISTS bulk, killed_once;
      CREATE TABLE killed_once (at timestamptz);
      CREATE TABLE bulk (id int NOT NULL, v text);
      CREATE OR REPLACE FUNCTION hold_row_1500() RETURNS trigger AS $$
      BEGIN
        IF NEW.id = 1500 AND NOT EXISTS (SELECT 1 FROM killed_once) THEN PERFORM pg_sleep(30); END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql;
      CREATE TRIGGER hold BEFORE INSERT ON bulk FOR EACH ROW EXECUTE FUNCTION hold_row_1500();`);
  });
  afterAll(async () => { await admin.end(); });

  /** Waits until the node's session sleeps on row 1500, then terminates it; resolves to its pid. */
  async function killWhenHeld(): Promise<number> {
    for (let i = 0; i < 400; i++) {
      const rows = await sql(`SELECT pid FROM pg_stat_activity WHERE application_name = 'junction test n' AND wait_event = 'PgSleep'`);
      if (rows.length) {
        await sql(`INSERT INTO killed_once VALUES (now())`);
        await sql(`SELECT pg_terminate_backend(${Number(rows[0].pid)})`);
        return Number(rows[0].pid);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the node never reached row 1500');
  }

  const items = Array.from({ length: 3000 }, (_, i) => ({ id: i, v: `row ${i}` }));

  it('per batch: the batch is rolled back by the server and written again on a new connection, each row once', async () => {
    await sql('TRUNCATE bulk, killed_once');
    const logs: string[] = [];
    const [out, pid] = await Promise.all([
      runNode(query, { params: { operation: 'insert', table: 'bulk', keyColumns: ['id'], batchSize: 1000 }, items, credentials, logs }),
      killWhenHeld(),
    ]);
    expect(pid).toBeGreaterThan(0);
    expect(logs.join('\n')).toMatch(/the connection dropped during a batch \(attempt 1 of 3\)/);
    expect(await sql('SELECT count(*)::int AS rows, count(DISTINCT id)::int AS ids, min(id) AS lo, max(id) AS hi FROM bulk')).toEqual([{ rows: 3000, ids: 3000, lo: 0, hi: 2999 }]);
    expect(out.journal.map((e) => e.key)).toEqual(['id: items 0–999', 'id: items 1000–1999', 'id: items 2000–2999']);
  });

  it('per run: the whole run is rolled back and the node says so', async () => {
    await sql('TRUNCATE bulk, killed_once');
    const [result] = await Promise.all([
      runNode(query, { params: { operation: 'insert', table: 'bulk', keyColumns: ['id'], batchSize: 1000, transaction: 'run' }, items, credentials })
        .then(() => 'finished', (e: Error) => e.message),
      killWhenHeld(),
    ]);
    expect(result).toMatch(/^the run's transaction \(the connection dropped; the server rolled back everything this node wrote in this run\): terminating connection/);
    expect(await sql('SELECT count(*)::int AS n FROM bulk')).toEqual([{ n: 0 }]);
  });
});
