/**
 * Issue 14.2: a database node's inspector offers the database's tables in its table field and
 * the chosen table's columns (type, key) in its column fields, read through db.schema.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../fixtures/flow-builder';
import { e2e, openFlow, screenshot, selectNode, uniqueName, useApp, waitForSaved } from './harness';
import { writeFlowFile } from './serve';

describe('database column pickers', () => {
  const app = useApp();

  it('offers the tables and the chosen table\'s columns of an SQLite file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'junction-e2e-sqlite-')), 'shop.db');
    const db = new Database(path);
    db.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL, country TEXT); CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, total REAL)');
    db.close();
    const name = uniqueName('Customers to SQLite');
    const file = writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start' },
      { type: 'sqlite.query', name: 'Upsert customers', position: { x: 260, y: 0 }, params: { path, operation: 'upsert', table: 'customers', keyColumns: [''] } },
    ], ['Start -> Upsert customers'], { id: `f_sqlite_${Date.now().toString(36)}`, name }));
    const { page } = app();
    await openFlow(page, name);
    await selectNode(page, 'Upsert customers');
    const tables = page.getByTestId('pick-table');
    await expect.poll(() => tables.locator('option').allTextContents(), { timeout: 15_000 }).toEqual(['2 from the database…', 'customers — 3 columns', 'orders — 3 columns']);
    const keys = page.getByTestId('pick-keyColumns.0');
    expect(await keys.locator('option').allTextContents()).toEqual(['3 from the database…', 'id — INTEGER · key', 'email — TEXT · required', 'country — TEXT']);
    await keys.selectOption('email');
    await expect.poll(() => page.getByTestId('input-keyColumns.0').inputValue()).toBe('email');
    await screenshot(page, 'db-column-pickers.png');
    await waitForSaved(page);
    expect(JSON.parse(readFileSync(file, 'utf8')).nodes[1].params.keyColumns).toEqual(['email']);
    expect(app().errors).toEqual([]);
  });
});
