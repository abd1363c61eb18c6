/**
 * Issue 14, "done when": a person reads a CSV, maps it and upserts it into PostgreSQL from the
 * editor, watching the count grow; the table then holds every row once. Real PostgreSQL (the
 * servers project starts it), real `junction serve`, real Chromium, a real encrypted secret store.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildFlow } from '../fixtures/flow-builder';
import { findBrowser } from '../e2e/browser';
import { expectText, screenshot, waitForEditor } from '../e2e/harness';
import { CHROMIUM_ARGS, startServe, tempDirs, writeFlowFile, type Serve } from '../e2e/serve';
import { describeWithServer } from '../servers/use-server';

const ROWS = 200_000;

describeWithServer('postgres', 'a CSV mapped and upserted into PostgreSQL from the editor', (info) => {
  const dirs = tempDirs('csv-to-postgres');
  const db = new pg.Client({ host: String(info.host), port: Number(info.port), user: String(info.user), password: String(info.password), database: String(info.database) });
  let serve: Serve;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await db.connect();
    await db.query('DROP TABLE IF EXISTS done_customers; CREATE TABLE done_customers (id integer PRIMARY KEY, email text NOT NULL, country text, amount numeric)');
    // A few rows exist already: the upsert must update them, not fail or duplicate them.
    await db.query("INSERT INTO done_customers VALUES (1, 'old@example.com', 'XX', 0), (2, 'old2@example.com', 'XX', 0)");
    let csv = 'Customer ID;E-mail;Country;Amount\n';
    for (let i = 1; i <= ROWS; i++) csv += `${i};Customer.${i}@Example.com;${['de', 'fr', 'us'][i % 3]};${(i % 1000) / 10}\n`;
    writeFileSync(join(dirs.workspace, 'customers.csv'), csv);
    writeFlowFile(dirs.workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start' },
      { type: 'file.read', name: 'Read customers', position: { x: 260, y: 0 }, params: { source: { from: 'path', path: 'customers.csv' } } },
      { type: 'core.set', name: 'Map columns', position: { x: 520, y: 0 }, params: { mode: 'replace', fields: [
        { name: 'id', value: "{{ $json['Customer ID'] }}" },
        { name: 'email', value: "{{ $json['E-mail'].toLowerCase() }}" },
        { name: 'country', value: '{{ $json.Country.toUpperCase() }}' },
        { name: 'amount', value: '{{ $json.Amount }}' },
      ] } },
      { type: 'postgres.query', name: 'Upsert customers', position: { x: 780, y: 0 }, params: { operation: 'upsert', table: 'done_customers', keyColumns: ['id'] } },
    ], ['Start -> Read customers', 'Read customers -> Map columns', 'Map columns -> Upsert customers'], { id: 'f_done_csv_pg', name: 'Customers CSV to PostgreSQL' }));
    serve = await startServe({ ...dirs, env: { JUNCTION_SECRETS: 'file', JUNCTION_SECRETS_PASSPHRASE: 'csv to postgres e2e' } });
    browser = await chromium.launch({ executablePath: findBrowser(), headless: true, args: CHROMIUM_ARGS });
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(serve.url);
  }, 120_000);
  afterAll(async () => { await browser?.close(); await serve?.stop(); await db.end(); dirs.remove(); });

  it('creates the connection, picks it, runs with a growing count and lands every row once', async () => {
    await page.getByTestId('rail-connections').click();
    await page.getByTestId('conn-new').click();
    await page.getByTestId('conn-name').fill('Shop database');
    await page.getByTestId('conn-type').selectOption('database');
    await page.getByTestId('conn-field-host').fill(String(info.host));
    await page.getByTestId('conn-field-port').fill(String(info.port));
    await page.getByTestId('conn-field-database').fill(String(info.database));
    await page.getByTestId('conn-field-user').fill(String(info.user));
    await page.getByTestId('conn-secret-password').fill(String(info.password));
    await page.getByTestId('conn-save').click();
    const conn = page.getByTestId('conn-Shop database');
    await conn.getByTestId('conn-test').click();
    await expectText(conn.getByTestId('conn-test-result'), /./);

    await page.getByTestId('rail-flows').click();
    await page.getByText('Customers CSV to PostgreSQL').click();
    await waitForEditor(page);
    await page.getByTestId('node-Upsert customers').click();
    await page.getByTestId('insp-credential-db').selectOption({ label: 'Shop database' });

    await page.getByTestId('run-flow').click();
    // The count on the reader's card grows while the run goes: batches pass before the file is read to the end.
    const count = page.getByTestId('node-Read customers').locator('.node-out-count, .node-port-count').first();
    const seen: number[] = [];
    await expect.poll(async () => {
      const text = (await count.textContent().catch(() => null)) ?? '';
      const n = Number(text.replace(/\D/g, ''));
      if (n && seen.at(-1) !== n) seen.push(n);
      return n;
    }, { timeout: 120_000, interval: 100 }).toBe(ROWS);
    await expect.poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 120_000 }).toBe('success');
    await screenshot(page, 'csv-to-postgres-done.png');
    expect(seen.length, `counts seen: ${seen.join(', ')}`).toBeGreaterThan(1);
    expect(seen[0]).toBeLessThan(ROWS);

    const { rows } = await db.query('SELECT count(*)::int AS n, count(DISTINCT id)::int AS ids FROM done_customers');
    expect(rows[0]).toEqual({ n: ROWS, ids: ROWS });
    const one = await db.query('SELECT email, country, amount::float AS amount FROM done_customers WHERE id = 2');
    expect(one.rows[0]).toEqual({ email: 'customer.2@example.com', country: 'US', amount: 0.2 });
  }, 300_000);
});
