import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { JunctionError } from '../sdk';
import { openRunStore, SCHEMA_VERSION } from './index';
import { migrate, type Migration } from './migrations';
import { openDatabase } from './open';

const root = mkdtempSync(join(tmpdir(), 'junction-store-open-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(root, `case-${++n}`, 'junction.db');

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
};

describe('openRunStore: schema and pragmas', () => {
  it('creates the folder, every table and index, and records the schema version', () => {
    const path = fresh();
    openRunStore(path).close();
    const db = new Database(path, { readonly: true });
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index', 'trigger') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining([
      'runs', 'node_runs', 'node_state', 'journal', 'audit',
      'runs_by_start', 'runs_by_flow', 'runs_by_status', 'node_runs_by_run', 'journal_by_run', 'audit_no_update',
    ]));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('sets WAL, synchronous NORMAL, a busy timeout and foreign keys on the connection', () => {
    const db = openDatabase(fresh());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('reopening is idempotent and keeps the data', () => {
    const path = fresh();
    const a = openRunStore(path);
    a.state.commit('f1', { n1: { cursor: 7 } });
    a.close();
    const b = openRunStore(path);
    expect(b.state.load('f1', 'n1')).toEqual({ cursor: 7 });
    b.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect((db.prepare("SELECT count(*) AS c FROM sqlite_master WHERE name = 'runs'").get() as { c: number }).c).toBe(1);
    db.close();
  });

  it('refuses a database written by a newer Junction with store.too-new', () => {
    const path = fresh();
    openRunStore(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const e = thrown(() => openRunStore(path));
    expect(e).toBeInstanceOf(JunctionError);
    expect((e as JunctionError).code).toBe('store.too-new');
    expect((e as JunctionError).message).toContain(path);
    expect((e as JunctionError).path).toBe(path);
  });

  it('turns a garbage file into store.corrupt naming the path', () => {
    const path = fresh();
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'this is not a database, just some text that happens to be long enough '.repeat(100));
    const e = thrown(() => openRunStore(path));
    expect(e).toBeInstanceOf(JunctionError);
    expect((e as JunctionError).code).toBe('store.corrupt');
    expect((e as JunctionError).message).toContain(path);
    expect((e as JunctionError).message).not.toMatch(/\n\s+at /);
  });

  it('turns a folder where the file should be into store.corrupt', () => {
    const path = fresh();
    mkdirSync(path, { recursive: true });
    const e = thrown(() => openRunStore(path));
    expect((e as JunctionError).code).toBe('store.corrupt');
  });

  it('works in memory for throwaway stores', () => {
    const store = openRunStore(':memory:');
    expect(store.listRuns()).toEqual([]);
    store.close();
  });
});

describe('migrate', () => {
  const steps: Migration[] = [
    { version: 1, name: 'a', sql: 'CREATE TABLE a (x INTEGER);' },
    { version: 2, name: 'b', sql: 'CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1);' },
  ];

  it('applies each step in its own transaction: a failing step leaves the earlier ones and nothing of itself', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, 'mem', steps)).toThrow(/no such table: nowhere/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(['a']);
    db.close();
  });

  it('applies only the pending steps', () => {
    const db = new Database(':memory:');
    expect(migrate(db, 'mem', steps.slice(0, 1))).toBe(1);
    db.prepare('INSERT INTO a VALUES (5)').run();
    expect(migrate(db, 'mem', [steps[0], { version: 2, name: 'b', sql: 'CREATE TABLE b (y INTEGER);' }])).toBe(2);
    expect(db.prepare('SELECT x FROM a').pluck().get()).toBe(5);
    db.close();
  });
});
