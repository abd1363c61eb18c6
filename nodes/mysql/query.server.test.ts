import mysql from 'mysql2/promise';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeWithServer } from '../../test/servers/use-server';
import { runNode } from '../../engine/sdk/testing';
import type { JournalEntry } from '../../engine/sdk';
import { databaseCredential } from '../sql/test-credential';
import query from './query';

describeWithServer('mariadb', 'mysql.query against MariaDB', (info) => {
  let admin: mysql.Connection;
  const credentials = { db: databaseCredential('mysql', info) };
  const run = (params: Record<string, unknown>, items: Record<string, unknown>[] = []) => runNode(query, { params, items, credentials });
  const sql = async (text: string, values?: unknown[]) => (await admin.query(text, values))[0] as Record<string, unknown>[];
  const revertAll = async (journal: JournalEntry[]) => { for (const e of [...journal].reverse()) await query.revert!(e, { credential: async () => credentials.db }); };

  beforeAll(async () => {
    admin = await mysql.createConnection({ host: String(info.host), port: Number(info.port), user: String(info.user), password: String(info.password), database: String(info.database), multipleStatements: true, dateStrings: true });
  });
  afterAll(async () => { await admin.end(); });
  beforeEach(async () => {
    await sql(`DROP TABLE IF EXISTS people, pairs, \`we\`\`ird tab.le\`, serials;
      CREATE TABLE people (id int PRIMARY KEY, name varchar(200) NOT NULL, age int, born date, seen datetime(3), meta json);
      CREATE TABLE pairs (a varchar(20), b int, v text, PRIMARY KEY (a, b));
      CREATE TABLE \`we\`\`ird tab.le\` (\`Mixed Case\` text, \`select\` int PRIMARY KEY);
      CREATE TABLE serials (id int AUTO_INCREMENT PRIMARY KEY, label text)`);
  });

  it('inserts in batches with bound hostile text, unicode, nulls, dates and JSON intact; undoing removes them', async () => {
    const hostile = "'; DROP TABLE people; -- \\' \" `x`";
    const items = Array.from({ length: 2500 }, (_, i) => ({
      id: i, name: i === 7 ? hostile : `näme ✓ ${i} 😀`, age: i % 3 ? i : null, born: '2001-02-03', seen: '2026-01-05T10:00:00.123Z', meta: { q: "it's", list: [1, null] },
    }));
    const out = await run({ operation: 'insert', table: 'people', batchSize: 1000 }, items);
    expect(await sql('SELECT count(*) AS n FROM people')).toEqual([{ n: 2500 }]);
    const [row] = await sql('SELECT name, age, born, seen, meta FROM people WHERE id = 7');
    expect(row).toEqual({ name: hostile, age: 7, born: '2001-02-03', seen: '2026-01-05 10:00:00.123', meta: { q: "it's", list: [1, null] } });
    expect(out.journal.map((e) => [e.system, e.op, e.key])).toEqual([
      ['mysql:mysql test/people', 'create', 'id: items 0–999'], ['mysql:mysql test/people', 'create', 'id: items 1000–1999'], ['mysql:mysql test/people', 'create', 'id: items 2000–2499'],
    ]);
    await revertAll(out.journal);
    expect(await sql('SELECT count(*) AS n FROM people')).toEqual([{ n: 0 }]);
  });

  it('quotes odd table and column names', async () => {
    await run({ operation: 'insert', table: 'we`ird tab.le' }, [{ 'Mixed Case': 'x', select: 1 }]);
    await run({ operation: 'upsert', table: 'we`ird tab.le', keyColumns: ['select'] }, [{ 'Mixed Case': "y'); DROP TABLE pairs; --", select: 1 }]);
    expect(await sql('SELECT * FROM `we``ird tab.le`')).toEqual([{ 'Mixed Case': "y'); DROP TABLE pairs; --", select: 1 }]);
  });

  it('upserts by a composite key (ON DUPLICATE KEY), updates and deletes by key; rolling back restores the table', async () => {
    await sql(`INSERT INTO pairs VALUES ('x', 1, 'old'), ('x', 2, 'old'), ('z', 9, 'untouched')`);
    const up = await run({ operation: 'upsert', table: 'pairs', keyColumns: ['a', 'b'] }, [{ a: 'x', b: 2, v: 'new' }, { a: 'y', b: 1, v: 'new' }]);
    const upd = await run({ operation: 'update', table: 'pairs', keyColumns: ['a', 'b'] }, [{ a: 'x', b: 1, v: 'CHANGED' }]);
    const del = await run({ operation: 'delete', table: 'pairs', keyColumns: ['a', 'b'] }, [{ a: 'x', b: 2 }]);
    expect(await sql('SELECT * FROM pairs ORDER BY a, b')).toEqual([{ a: 'x', b: 1, v: 'CHANGED' }, { a: 'y', b: 1, v: 'new' }, { a: 'z', b: 9, v: 'untouched' }]);
    expect(up.journal[0].before).toEqual({ rows: [{ a: 'x', b: 2, v: 'old' }] });
    await revertAll([...up.journal, ...upd.journal, ...del.journal]);
    expect(await sql('SELECT * FROM pairs ORDER BY a, b')).toEqual([{ a: 'x', b: 1, v: 'old' }, { a: 'x', b: 2, v: 'old' }, { a: 'z', b: 9, v: 'untouched' }]);
  });

  it('journals auto-increment ids, so the insert can be undone', async () => {
    const out = await run({ operation: 'insert', table: 'serials' }, [{ label: 'a' }, { label: 'b' }]);
    expect((out.journal[0].after as { keys: unknown[][] }).keys).toEqual([[1], [2]]);
    await sql(`INSERT INTO serials (label) VALUES ('not ours')`);
    await revertAll(out.journal);
    expect(await sql('SELECT label FROM serials')).toEqual([{ label: 'not ours' }]);
  });

  it('per batch keeps the batches before a failure; per run keeps nothing', async () => {
    const items = [...Array.from({ length: 5 }, (_, i) => ({ id: i, name: `n${i}` })), { id: 5, name: null }];
    await expect(run({ operation: 'insert', table: 'people', batchSize: 2, transaction: 'run' }, items)).rejects.toThrow(/item 5, column "name"/);
    expect(await sql('SELECT count(*) AS n FROM people')).toEqual([{ n: 0 }]);
    await expect(run({ operation: 'upsert', table: 'people', batchSize: 2 }, items)).rejects.toThrow(/item 5, column "name"/);
    expect(await sql('SELECT count(*) AS n FROM people')).toEqual([{ n: 4 }]);
  });

  it('selects page by page with bound conditions, and runs a query with parameters', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [i + 1, i + 1 === 3 ? "o'hara" : `p${i + 1}`, (i + 1) % 7]);
    await sql('INSERT INTO people (id, name, age) VALUES ?', [rows]);
    const out = await run({ operation: 'select', table: 'people', columns: ['id', 'name'], pageSize: 4,
      where: [{ column: 'age', operator: 'in', value: [3, 4] }, { column: 'name', operator: '!=', value: "o'hara" }], orderBy: [{ column: 'id', direction: 'desc' }], limit: 9 });
    expect(out.outputs.main.map((i) => i.json.id)).toEqual([39, 38, 32, 31, 25, 24, 18, 17, 11]);
    const q = await run({ operation: 'query', sql: 'SELECT name, ? AS tag FROM people WHERE id = ?', parameters: ['{{ $json.tag }}', '{{ $json.id }}'] },
      [{ id: 2, tag: "'; DROP TABLE people; --" }, { id: 3, tag: 'x' }]);
    expect(q.outputs.main.map((i) => i.json)).toEqual([{ name: 'p2', tag: "'; DROP TABLE people; --" }, { name: "o'hara", tag: 'x' }]);
  });

  it('says which node, item and column is wrong, without a stack', async () => {
    await sql(`INSERT INTO people (id, name) VALUES (7, 'seven')`);
    const failure = (params: Record<string, unknown>, items: Record<string, unknown>[], opts = {}) =>
      runNode(query, { params, items, credentials, ...opts }).then(() => { throw new Error('expected a failure'); }, (e: Error & { node?: string }) => `${e.node}: ${e.message}`);
    expect(await failure({ operation: 'insert', table: 'people' }, [{ id: 1, name: 'a' }, { id: 2, name: 'b', age: 'forty' }]))
      .toBe("MySQL: item 1, column \"age\": Incorrect integer value: 'forty' for column `junction`.`people`.`age` at row 2");
    expect(await failure({ operation: 'insert', table: 'people', batchSize: 2 }, [{ id: 1, name: 'a' }, { id: 2, name: 'b' }, { id: 3, name: 'c' }, { id: 7, name: 'dup' }]))
      .toBe("MySQL: item 3: Duplicate entry '7' for key 'PRIMARY'");
    expect(await failure({ operation: 'upsert', table: 'people' }, [{ id: 1, name: 'a', nmae: 'typo' }])).toMatch(/^MySQL: item 0: field "nmae" has no column in table "people"/);
    expect(await failure({ operation: 'insert', table: 'nope' }, [{ id: 1 }])).toBe('MySQL: table "nope" does not exist (MySQL)');
    const wrong = { db: databaseCredential('mysql', info, 'not the password') };
    expect(await failure({ operation: 'insert', table: 'people' }, [{ id: 1 }], { credentials: wrong }))
      .toMatch(new RegExp(`^MySQL: Access denied for user 'junction'@'[^']+' \\(using password: YES\\) at 127.0.0.1:${info.port}$`));
  });
});
