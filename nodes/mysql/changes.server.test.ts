import mysql from 'mysql2/promise';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithServer } from '../../test/servers/use-server';
import { runNode } from '../../engine/sdk/testing';
import { databaseCredential } from '../sql/test-credential';
import changes from './changes';

describeWithServer('mariadb', 'mysql.changes against MariaDB', (info) => {
  let admin: mysql.Connection;
  const credentials = { db: databaseCredential('mysql', info) };
  const sql = async (text: string) => (await admin.query(text))[0];
  beforeAll(async () => {
    admin = await mysql.createConnection({ host: String(info.host), port: Number(info.port), user: String(info.user), password: String(info.password), database: String(info.database), multipleStatements: true });
    await sql('DROP TABLE IF EXISTS orders; CREATE TABLE orders (id int PRIMARY KEY, updated_at datetime(6) NOT NULL, what text)');
  });
  afterAll(async () => { await admin.end(); });

  it('passes on every changed row once across polls, with equal timestamps between and across pages', async () => {
    await sql(`INSERT INTO orders VALUES (1, '2026-03-01 10:00:00.000001', 'old')`);
    const poll = (state: Record<string, unknown>) => runNode(changes, { params: { table: 'orders', cursorColumn: 'updated_at', maxRows: 2 }, state, credentials });
    let r = await poll({});
    expect(r.outputs.main).toEqual([]);
    const seen: unknown[] = [];
    await sql(`INSERT INTO orders VALUES (2, '2026-03-01 10:00:00.000001', 'tie with cursor'), (3, '2026-03-01 10:00:00.000002', 'a'),
      (4, '2026-03-01 10:00:00.000002', 'b'), (6, '2026-03-01 10:00:00.000002', 'c')`);
    for (let i = 0; i < 4; i++) {
      r = await poll(r.state);
      seen.push(...r.outputs.main.map((x) => x.json.id));
      if (i === 1) await sql(`INSERT INTO orders VALUES (7, '2026-03-01 10:00:00.000002', 'same time, after the page end'); UPDATE orders SET updated_at = '2026-03-01 11:00:00' WHERE id = 1`);
    }
    expect(seen).toEqual([2, 3, 4, 6, 7, 1]);
    expect(r.state).toEqual({ cursor: { value: '2026-03-01 11:00:00.000000', tiebreak: 1 } });
  });
});
