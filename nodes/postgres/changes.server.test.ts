import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithServer } from '../../test/servers/use-server';
import { runNode } from '../../engine/sdk/testing';
import { databaseCredential } from '../sql/test-credential';
import changes from './changes';

describeWithServer('postgres', 'postgres.changes against PostgreSQL', (info) => {
  const admin = new pg.Client({ host: String(info.host), port: Number(info.port), user: String(info.user), password: String(info.password), database: String(info.database) });
  const credentials = { db: databaseCredential('postgres', info) };
  const sql = async (text: string) => (await admin.query(text)).rows;
  beforeAll(async () => {
    await admin.connect();
    await sql(`DROP TABLE IF EXISTS orders; CREATE TABLE orders (id int PRIMARY KEY, updated_at timestamptz NOT NULL, what text)`);
  });
  afterAll(async () => { await admin.end(); });

  it('passes on every changed row once across polls, with equal timestamps between and across pages', async () => {
    await sql(`INSERT INTO orders VALUES (1, '2026-03-01 10:00:00.000001+00', 'old')`);
    const poll = (state: Record<string, unknown>) => runNode(changes, { params: { table: 'orders', cursorColumn: 'updated_at', maxRows: 2 }, state, credentials });
    let r = await poll({});
    expect(r.outputs.main).toEqual([]); // the first poll starts from now
    const seen: unknown[] = [];
    // Same microsecond as the cursor, and three rows sharing the next one: a page ends between them.
    await sql(`INSERT INTO orders VALUES (2, '2026-03-01 10:00:00.000001+00', 'tie with cursor'), (3, '2026-03-01 10:00:00.000002+00', 'a'),
      (4, '2026-03-01 10:00:00.000002+00', 'b'), (6, '2026-03-01 10:00:00.000002+00', 'c')`);
    for (let i = 0; i < 4; i++) {
      r = await poll(r.state);
      seen.push(...r.outputs.main.map((x) => x.json.id));
      if (i === 1) await sql(`INSERT INTO orders VALUES (7, '2026-03-01 10:00:00.000002+00', 'same time, after the page end'); UPDATE orders SET updated_at = '2026-03-01 11:00:00+00' WHERE id = 1`);
    }
    expect(seen).toEqual([2, 3, 4, 6, 7, 1]);
    expect(r.state).toEqual({ cursor: { value: '2026-03-01 11:00:00+00', tiebreak: 1 } });
    r = await poll(r.state);
    expect(r.outputs.main).toEqual([]);
  });

  it('with firstPoll "all" starts from the first row; a missing column is named', async () => {
    const r = await runNode(changes, { params: { table: 'orders', cursorColumn: 'id', firstPoll: 'all', maxRows: 100 }, credentials });
    expect(r.outputs.main.map((x) => x.json.id)).toEqual([1, 2, 3, 4, 6, 7]);
    await expect(runNode(changes, { params: { table: 'orders', cursorColumn: 'changed' }, credentials })).rejects.toThrow('table "orders" has no column "changed"');
  });
});
