/**
 * What a person meets when things are not as they should be: a damaged file and another
 * tool's export dropped on the window, a flow using a node type this app does not know, and
 * the engine going away in the middle of an edit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../fixtures/flow-builder';
import {
  createFlow, dragFromPalette, e2e, expectAttr, expectCount, expectText, node, openApp, openFlow, selectNode, uniqueName,
  useApp, waitForEditor, waitForSaved, type App,
} from './harness';
import { startServe, tempDirs, writeFlowFile } from './serve';

/** Drops a file on the window: the drag events a file dragged in from the desktop fires. */
async function dropFile(page: Page, fileName: string, text: string) {
  const data = await page.evaluateHandle(([name, body]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([body], name, { type: 'application/json' }));
    return dt;
  }, [fileName, text] as const);
  const target = page.locator('.app-main');
  await target.dispatchEvent('dragenter', { dataTransfer: data });
  await target.dispatchEvent('dragover', { dataTransfer: data });
  await expectText(page.locator('.drop-overlay'), 'Drop a .flow.json to import it');
  await target.dispatchEvent('drop', { dataTransfer: data });
  await page.locator('.drop-overlay').waitFor({ state: 'hidden' });
}

const flowFiles = (workspace: string) => readdirSync(join(workspace, 'flows')).sort();

describe('bad input', () => {
  const app = useApp();

  it('a corrupt file dropped on the window is refused with a clear message and changes nothing', async () => {
    const { page } = app();
    await page.getByTestId('rail-flows').click();
    const before = flowFiles(e2e().workspace);
    await dropFile(page, 'orders.flow.json', '{ "format": "junction/flow@1", "name": "Orders", "nodes": [ {"id": "n1",, } ');
    const toast = page.getByTestId('toast-error').filter({ hasText: 'orders.flow.json' });
    await expectText(toast, /Could not import “orders\.flow\.json”: "orders\.flow\.json" is not JSON at line 1, column \d+.*cannot be a Junction flow/);
    expect(flowFiles(e2e().workspace).filter((f) => !before.includes(f))).not.toContain('orders.flow.json');
    await expectCount(page.getByTestId('flow-row-Orders'), 0);
  });

  it('an n8n workflow dropped on the window is imported and its report shown', async () => {
    const { page } = app();
    const n8n = {
      name: 'Customer sync (n8n)',
      nodes: [
        { parameters: {}, id: 'a1', name: 'When clicking ‘Test workflow’', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
        { parameters: { url: 'https://example.test' }, id: 'a2', name: 'HTTP Request', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [220, 0] },
      ],
      connections: { 'When clicking ‘Test workflow’': { main: [[{ node: 'HTTP Request', type: 'main', index: 0 }]] } },
    };
    await dropFile(page, 'customer-sync.json', JSON.stringify(n8n));
    const report = page.getByTestId('import-report');
    await expectText(report, /Imported from n8n: customer-sync\.json/);
    await expectText(report.locator('tr', { hasText: 'HTTP Request' }), 'http.request');
    await report.getByRole('button', { name: 'Close' }).first().click();
    await expectCount(page.getByTestId('flow-row-Customer sync (n8n)'), 1);
  });

  it('a flow with an unknown node type opens with a red card for it and everything else intact', async () => {
    const { page } = app();
    const name = uniqueName('Unknown type');
    writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start', id: 'n_start' },
      { type: 'acme.widgets.frobnicate', version: 3, name: 'Frobnicate', id: 'n_frob', params: { colour: 'teal', times: 3 } },
      { type: 'core.limit', name: 'First two', id: 'n_limit', params: { maxItems: 2 } },
    ], ['Start -> Frobnicate', 'Frobnicate -> First two'], { id: `f_unknown_${Date.now()}`, name }));
    await openFlow(page, name);
    await expectAttr(node(page, 'Frobnicate'), 'data-unknown', 'true');
    await expectText(node(page, 'Frobnicate'), 'Unknown node: acme.widgets.frobnicate v3');
    const border = await node(page, 'Frobnicate').evaluate((el) => getComputedStyle(el).borderTopColor);
    const [r, g, b] = border.match(/\d+/g)!.map(Number);
    expect(r, `the unknown card's border (${border}) reads as red`).toBeGreaterThan(g + 60);
    expect(r).toBeGreaterThan(b + 60);
    for (const known of ['Start', 'First two']) expect(await node(page, known).getAttribute('data-unknown')).toBeNull();
    await expectCount(page.locator('.react-flow__edge'), 2);
    expect(Number(await page.getByTestId('problem-count').getAttribute('data-count'))).toBeGreaterThan(0);

    await selectNode(page, 'Frobnicate');
    await expectText(page.getByTestId('insp-unknown'), /does not know the node type acme\.widgets\.frobnicate/);
    await expectText(page.getByTestId('insp-unknown'), /"colour": "teal"/);
    await selectNode(page, 'First two');
    expect(await page.getByTestId('input-maxItems').inputValue()).toBe('2');
  });

  it('a lost engine shows the banner and keeps unsaved work, offered back after a restart', async () => {
    e2e(); // the shared browser, or the reason there is none
    const dirs = tempDirs('offline');
    let serve = await startServe(dirs);
    let own: App | undefined;
    try {
      own = await openApp(serve.url);
      const { page } = own;
      const name = uniqueName('Offline edit');
      await createFlow(page, name);
      await dragFromPalette(page, 'trigger.manual', { x: 200, y: 160 }, 'Manual Trigger');
      // The engine dies before autosave (about 1.5 s after the edit) could write the change.
      await serve.kill();
      await page.getByTestId('connection-banner').waitFor();
      await expectText(page.getByTestId('connection-banner'), 'Lost connection to the engine');
      await page.getByTestId('dirty-marker').waitFor();
      await expectText(page.getByTestId('save-state'), 'Offline — changes kept here');
      // Work goes on while offline.
      await page.getByTestId('palette-core.noop').click();
      await node(page, 'No Operation').waitFor();
      await node(page, 'Manual Trigger').waitFor();

      // The editor backs unsaved work up in this tab's sessionStorage a moment after each change.
      await expect.poll(() => page.evaluate(() => Object.keys(sessionStorage).some((k) => k.startsWith('junction.draft.')
        && sessionStorage.getItem(k)!.includes('No Operation')))).toBe(true);

      serve = await startServe({ ...dirs, port: serve.port });
      // A person pastes the new URL (new token) into the same tab and confirms leaving the page.
      page.on('dialog', (d) => void d.accept());
      await page.goto(serve.url);
      await page.waitForURL(/#\/flows$/); // the app reloads for the new token, then shows the flows
      await page.getByTestId('connection-banner').waitFor({ state: 'hidden' });
      await page.getByTestId(`flow-row-${name}`).click();
      await waitForEditor(page);
      await page.getByTestId('draft-notice').waitFor();
      await node(page, 'Manual Trigger').waitFor();
      await node(page, 'No Operation').waitFor();
      await page.getByTestId('draft-notice').getByRole('button', { name: 'Keep' }).click();
      await waitForSaved(page);
      const saved = readdirSync(join(dirs.workspace, 'flows')).map((f) => readFileSync(join(dirs.workspace, 'flows', f), 'utf8'));
      expect(saved.find((text) => text.includes(name))).toContain('"No Operation"');
      expect(own.errors).toEqual([]);
    } finally {
      await own?.close();
      await serve.stop();
      dirs.remove();
    }
  });
});
