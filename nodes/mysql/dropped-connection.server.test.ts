import mysql from 'mysql2/promise';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithServer } from '../../test/servers/use-server';
import { runNode } from '../../engine/sdk/testing';
import { databaseCredential } from '../sql/test-credential';
import query from './query';

/**
 * The server kills the node's connection in the middle of a batch (KILL <id>). A trigger makes
 * row 1500 wait for a row lock a second connection holds, so the batch is surely in flight (a
 * SLEEP inside a trigger does not notice KILL here); the table has no unique key, so a row
 * written twice would show.
 */
describeWithServer('mariadb', 'mysql.query when its connection drops mid-batch', (info) => {
  let admin: mysql.Connection;
  let locker: mysql.Connection;
  const credentials = { db: databaseCredential('mysql', info) };
  const sql = async (text: string) => (await admin.query(text))[0] as Record<string, unknown>[];

  beforeAll(async () => {
    admin = await mysql.createConnection({ host: String(info.host), port: Number(info.port), user: String(info.user), password: String(info.password), database: String(info.database), multipleStatements: true });
    locker = await mysql.createConnection({ host: String(info.host), port: Number(info.port), user: String(info.user), password: String(info.password), database: String(info.database) });
    await sql(`DROP TABLE IF EXISTS bulk, gate;
      CREATE TABLE gate (id int PRIMARY KEY) ENGINE=InnoDB;
      INSERT INTO gate VALUES (1);
      CREATE TABLE bulk (id int NOT NULL, v text) ENGINE=InnoDB;
      CREATE TRIGGER hold BEFORE INSERT ON bulk FOR EACH ROW
        BEGIN IF NEW.id = 1500 THEN SELECT id INTO @gate FROM gate WHERE id = 1 FOR UPDATE; END IF; END`);
  });
  afterAll(async () => { await admin.end(); await locker.end(); });

  /** Holds the gate row, so the node's row 1500 waits for it. */
  const closeGate = async () => { await locker.query('BEGIN'); await locker.query('SELECT id FROM gate WHERE id = 1 FOR UPDATE'); };

  /** Waits until the node's connection waits at the gate on row 1500, kills it, opens the gate; resolves to its id. */
  async function killWhenHeld(): Promise<number> {
    for (let i = 0; i < 400; i++) {
      const rows = await sql(`SELECT ID AS id FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT id INTO @gate%' AND ID <> CONNECTION_ID()`);
      if (rows.length) {
        await sql(`KILL ${Number(rows[0].id)}`);
        await locker.query('ROLLBACK');
        return Number(rows[0].id);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the node never reached row 1500');
  }

  const items = Array.from({ length: 3000 }, (_, i) => ({ id: i, v: `row ${i}` }));

  it('per batch: the batch is rolled back by the server and written again on a new connection, each row once', async () => {
    await sql('TRUNCATE bulk');
    await closeGate();
    const logs: string[] = [];
    const [out, id] = await Promise.all([
      runNode(query, { params: { operation: 'insert', table: 'bulk', keyColumns: ['id'], batchSize: 1000 }, items, credentials, logs }),
      killWhenHeld(),
    ]);
    expect(id).toBeGreaterThan(0);
    expect(logs.join('\n')).toMatch(/the connection dropped during a batch \(attempt 1 of 3\)/);
    expect(await sql('SELECT count(*) AS n, count(DISTINCT id) AS ids, min(id) AS lo, max(id) AS hi FROM bulk')).toEqual([{ n: 3000, ids: 3000, lo: 0, hi: 2999 }]);
    expect(out.journal.map((e) => e.key)).toEqual(['id: items 0–999', 'id: items 1000–1999', 'id: items 2000–2999']);
  });

  it('per run: the whole run is rolled back and the node says so', async () => {
    await sql('TRUNCATE bulk');
    await closeGate();
    const [result] = await Promise.all([
      runNode(query, { params: { operation: 'insert', table: 'bulk', keyColumns: ['id'], batchSize: 1000, transaction: 'run' }, items, credentials })
        .then(() => 'finished', (e: Error) => e.message),
      killWhenHeld(),
    ]);
    expect(result).toMatch(/^the run's transaction \(the connection dropped; the server rolled back everything this node wrote in this run\)/);
    expect(await sql('SELECT count(*) AS n FROM bulk')).toEqual([{ n: 0 }]);
  });
});
