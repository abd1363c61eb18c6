import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import changes from './changes';
import query from './query';

let dir: string;
let path: string;
let db: Database.Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'junction-sqlite-'));
  path = join(dir, 'app.db');
  db = new Database(path);
  db.exec(`CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER, meta TEXT);
           CREATE TABLE "odd ""table""" ("my col" TEXT, "select" INTEGER, PRIMARY KEY ("select"));
           CREATE TABLE pairs (a TEXT, b INTEGER, v TEXT, PRIMARY KEY (a, b)) STRICT;`);
});
afterEach(() => { db.close(); rmSync(dir, { recursive: true, force: true }); });

const rows = (sql: string) => db.prepare(sql).all();

describe('sqlite.query', () => {
  it('inserts in batches, binding hostile values as parameters, and journals one entry per batch', async () => {
    const hostile = "'; DROP TABLE people; --";
    const items = Array.from({ length: 25 }, (_, i) => ({ id: i + 1, name: i === 0 ? hostile : `näme ✓ ${i}`, age: i === 1 ? null : i, meta: { tags: ['a', i] } }));
    const out = await runNode(query, { params: { path, operation: 'insert', table: 'people', batchSize: 10 }, items });
    expect(out.outputs.main).toHaveLength(25);
    expect(rows('SELECT count(*) AS n FROM people')).toEqual([{ n: 25 }]);
    expect(rows('SELECT name, age, meta FROM people WHERE id IN (1, 2, 3) ORDER BY id')).toEqual([
      { name: hostile, age: 0, meta: '{"tags":["a",0]}' }, { name: 'näme ✓ 1', age: null, meta: '{"tags":["a",1]}' }, { name: 'näme ✓ 2', age: 2, meta: '{"tags":["a",2]}' },
    ]);
    expect(out.journal.map((e) => [e.op, e.key, (e.after as { keys: unknown[] }).keys.length])).toEqual([
      ['create', 'id: items 0–9', 10], ['create', 'id: items 10–19', 10], ['create', 'id: items 20–24', 5],
    ]);
  });

  it('quotes odd table and column names', async () => {
    await runNode(query, { params: { path, operation: 'insert', table: 'odd "table"' }, items: [{ 'my col': 'x', select: 1 }] });
    await runNode(query, { params: { path, operation: 'upsert', table: 'odd "table"', keyColumns: ['select'] }, items: [{ 'my col': 'y', select: 1 }] });
    expect(rows('SELECT * FROM "odd ""table"""')).toEqual([{ 'my col': 'y', select: 1 }]);
  });

  it('upserts by a composite key, updates and deletes by key, and a rollback puts every row back', async () => {
    db.exec(`INSERT INTO pairs VALUES ('x', 1, 'old'), ('x', 2, 'old')`);
    const undo: Awaited<ReturnType<typeof runNode>>['journal'] = [];
    const up = await runNode(query, { params: { path, operation: 'upsert', table: 'pairs', keyColumns: ['a', 'b'] }, items: [{ a: 'x', b: 2, v: 'new' }, { a: 'y', b: 1, v: 'new' }] });
    undo.push(...up.journal);
    expect(rows('SELECT * FROM pairs ORDER BY a, b')).toEqual([{ a: 'x', b: 1, v: 'old' }, { a: 'x', b: 2, v: 'new' }, { a: 'y', b: 1, v: 'new' }]);
    const upd = await runNode(query, { params: { path, operation: 'update', table: 'pairs', mapping: { mode: 'columns', columns: [{ column: 'a', value: '{{ $json.k1 }}' }, { column: 'b', value: '{{ $json.k2 }}' }, { column: 'v', value: '{{ $json.text.toUpperCase() }}' }] } },
      items: [{ k1: 'x', k2: 1, text: 'changed' }] });
    undo.push(...upd.journal);
    const del = await runNode(query, { params: { path, operation: 'delete', table: 'pairs', keyColumns: ['a', 'b'] }, items: [{ a: 'x', b: 2 }] });
    undo.push(...del.journal);
    expect(rows('SELECT * FROM pairs ORDER BY a, b')).toEqual([{ a: 'x', b: 1, v: 'CHANGED' }, { a: 'y', b: 1, v: 'new' }]);
    expect(up.journal[0].before).toEqual({ rows: [{ a: 'x', b: 2, v: 'old' }] });
    for (const entry of undo.reverse()) await query.revert!(entry, { credential: async () => undefined });
    expect(rows('SELECT * FROM pairs ORDER BY a, b')).toEqual([{ a: 'x', b: 1, v: 'old' }, { a: 'x', b: 2, v: 'old' }]);
  });

  it('selects with conditions bound as parameters, in order, page by page', async () => {
    const insert = db.prepare('INSERT INTO people (id, name, age) VALUES (?, ?, ?)');
    for (let i = 1; i <= 40; i++) insert.run(i, i === 3 ? "o'hara" : `p${i}`, i % 7);
    const out = await runNode(query, { params: { path, operation: 'select', table: 'people', columns: ['id', 'name'], pageSize: 4,
      where: [{ column: 'age', operator: 'in', value: [3, 4] }, { column: 'name', operator: '!=', value: "o'hara" }], orderBy: [{ column: 'id', direction: 'desc' }], limit: 9 } });
    expect(out.outputs.main.map((i) => i.json.id)).toEqual([39, 38, 32, 31, 25, 24, 18, 17, 11]);
  });

  it('runs a query with parameters from expressions, once per item', async () => {
    db.exec(`INSERT INTO people (id, name) VALUES (1, 'a'), (2, 'b')`);
    const out = await runNode(query, { params: { path, operation: 'query', sql: 'SELECT name, ? AS tag FROM people WHERE id = ?', parameters: ['{{ $json.tag }}', '{{ $json.id }}'] },
      items: [{ id: 2, tag: "'; DROP TABLE people; --" }, { id: 1, tag: null }] });
    expect(out.outputs.main.map((i) => i.json)).toEqual([{ name: 'b', tag: "'; DROP TABLE people; --" }, { name: 'a', tag: null }]);
  });

  it('per-run transaction: a failing batch rolls back the batches before it', async () => {
    const items = [...Array.from({ length: 5 }, (_, i) => ({ id: i + 1, name: `n${i}` })), { id: 6, name: null }];
    await expect(runNode(query, { params: { path, operation: 'insert', table: 'people', batchSize: 2, transaction: 'run' }, items }))
      .rejects.toThrow('item 5, column "name": NOT NULL constraint failed: people.name');
    expect(rows('SELECT count(*) AS n FROM people')).toEqual([{ n: 0 }]);
    await expect(runNode(query, { params: { path, operation: 'insert', table: 'people', batchSize: 2 }, items })).rejects.toThrow(/item 5/);
    expect(rows('SELECT count(*) AS n FROM people')).toEqual([{ n: 4 }]); // per batch: the first two batches stay
  });

  it('says which item and column is wrong', async () => {
    db.exec(`INSERT INTO people (id, name) VALUES (7, 'seven')`);
    await expect(runNode(query, { params: { path, operation: 'insert', table: 'people' }, items: [{ id: 1, name: 'a' }, { id: 7, name: 'dup' }] }))
      .rejects.toThrow('item 1, column "id": UNIQUE constraint failed: people.id');
    await expect(runNode(query, { params: { path, operation: 'insert', table: 'people' }, items: [{ id: 1, name: 'a' }, { id: 2, nmae: 'typo' }] }))
      .rejects.toThrow('item 1: field "nmae" has no column in table "people"');
    await expect(runNode(query, { params: { path, operation: 'insert', table: 'nope' }, items: [{ id: 1 }] })).rejects.toThrow('table "nope" does not exist');
    await expect(runNode(query, { params: { path, operation: 'insert', table: 'pairs' }, items: [{ a: 'x', b: 'not a number', v: 'v' }] }))
      .rejects.toThrow(/item 0, column "b": cannot store TEXT value in INTEGER column pairs.b/);
    await expect(runNode(query, { params: { path: join(dir, 'missing.db'), operation: 'insert', table: 'people' }, items: [{ id: 1 }] })).rejects.toThrow(/cannot open the SQLite file/);
  });
});

describe('sqlite.changes', () => {
  it('passes on each changed row exactly once across polls, even with equal timestamps', async () => {
    db.exec('CREATE TABLE events (id INTEGER PRIMARY KEY, updated_at TEXT NOT NULL, what TEXT)');
    const add = db.prepare('INSERT INTO events (id, updated_at, what) VALUES (?, ?, ?)');
    add.run(1, '2026-01-01 10:00:00', 'before');
    const poll = async (state: Record<string, unknown>) => runNode(changes, { params: { path, table: 'events', cursorColumn: 'updated_at', maxRows: 2 }, state });
    let r = await poll({});
    expect(r.outputs.main).toEqual([]);
    const seen: unknown[] = [];
    add.run(2, '2026-01-01 10:00:00', 'same time as the cursor');
    add.run(3, '2026-01-01 10:00:01', 'a');
    add.run(4, '2026-01-01 10:00:01', 'b');
    for (let i = 0; i < 3; i++) {
      r = await poll(r.state);
      seen.push(...r.outputs.main.map((x) => x.json.id));
      if (i === 0) { add.run(5, '2026-01-01 10:00:01', 'equal to the page end'); add.run(0, '2026-01-01 10:00:01', 'lower id, same time'); }
    }
    // Row 0 arrived late with the cursor's time and a tie-breaker below the one already passed: by
    // the cursor's order it lies behind it (as a row with an older timestamp would), so it is not sent.
    expect(seen).toEqual([2, 3, 4, 5]);
  });
});
