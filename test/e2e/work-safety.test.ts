/**
 * Issue 12.1, "work is never lost": a click into the Code editor while it is still loading
 * must not leave Ctrl+A and Delete to the canvas; a bulk delete offers Undo; an autosave
 * never writes a flow that lost every node; and each flow's saved versions can be restored
 * from the editor after the engine restarts.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../fixtures/flow-builder';
import {
  e2e, expectCount, expectText, openApp, openFlow, screenshot, selectNode, uniqueName, useApp, waitForSaved,
} from './harness';
import { startServe, tempDirs, writeFlowFile } from './serve';

const threeNodes = (name: string, id: string) => buildFlow([
  { type: 'trigger.manual', name: 'Start' },
  { type: 'core.code', name: 'Make rows', params: { code: 'return [{ json: { n: 1 } }];' } },
  { type: 'core.noop', name: 'Done' },
], ['Start -> Make rows', 'Make rows -> Done'], { id, name });

const cards = (page: Page) => page.locator('.react-flow__node-card');
const nodesOnDisk = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { nodes: unknown[] }).nodes.length;

describe('work is never lost', () => {
  const app = useApp();
  const name = uniqueName('Safe flow');
  let file = '';

  it('keeps Ctrl+A and Delete away from the canvas after a click into a Code editor that is still loading', async () => {
    file = writeFlowFile(e2e().workspace, threeNodes(name, `f_safe_${Date.now().toString(36)}`));
    const { page } = app();
    // Monaco arrives late, as on a slow first load: the click lands on its stand-in.
    await page.route('**/monaco-entry-*.js', async (route) => { await new Promise((r) => setTimeout(r, 2500)); await route.continue(); });
    await openFlow(page, name);
    await selectNode(page, 'Make rows');
    await page.getByTestId('input-code').locator('.lz-editor-preview').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await expectCount(cards(page), 3);
    // Once loaded, the editor has the keyboard the click asked for.
    const editor = page.getByTestId('input-code').locator('.monaco-editor');
    await editor.waitFor();
    await expect.poll(() => editor.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.unroute('**/monaco-entry-*.js');
    expect(nodesOnDisk(file)).toBe(3);
  });

  it('offers Undo after deleting several nodes and never autosaves the empty flow', async () => {
    const { page } = app();
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await expectCount(cards(page), 0);
    await expectText(page.getByTestId('toast-info'), 'Deleted 3 nodes');
    await page.getByTestId('empty-flow-notice').waitFor();
    await screenshot(page, 'editor-empty-flow-notice.png');
    // Well past the autosave delay, the file still holds every node.
    await page.waitForTimeout(3000);
    expect(nodesOnDisk(file)).toBe(3);
    await page.getByTestId('toast-action').click();
    await expectCount(cards(page), 3);
    await page.getByTestId('empty-flow-notice').waitFor({ state: 'hidden' });
  });

  it('does not save an emptied flow on Ctrl+S either, only through the notice', async () => {
    const { page } = app();
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.press('ControlOrMeta+S');
    await page.waitForTimeout(800);
    expect(nodesOnDisk(file)).toBe(3);
    await page.getByTestId('empty-flow-undo').click();
    await expectCount(cards(page), 3);
    expect(app().errors).toEqual([]);
  });
});

describe('version history', () => {
  it('restores the version before everything was deleted, after the engine restarts', async () => {
    const dirs = tempDirs('versions');
    const name = 'Versioned flow';
    const file = writeFlowFile(dirs.workspace, threeNodes(name, 'f_versioned'));
    let serve = await startServe(dirs);
    let opened = await openApp(serve.url);
    try {
      await openFlow(opened.page, name);
      await opened.page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
      await opened.page.keyboard.press('ControlOrMeta+A');
      await opened.page.keyboard.press('Delete');
      await opened.page.getByTestId('empty-flow-save').click();
      await waitForSaved(opened.page);
      expect(nodesOnDisk(file)).toBe(0);
      await opened.close();
      await serve.stop();

      serve = await startServe(dirs);
      opened = await openApp(serve.url);
      const { page } = opened;
      await openFlow(page, name);
      await expectCount(cards(page), 0);
      await page.getByTestId('version-history').click();
      await expectText(page.getByTestId('version-0'), /0 nodes · latest/);
      await expectText(page.getByTestId('version-1'), /3 nodes/);
      await screenshot(page, 'editor-version-history.png');
      await page.getByTestId('version-restore-1').click();
      await expectCount(cards(page), 3);
      await waitForSaved(page);
      expect(nodesOnDisk(file)).toBe(3);
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
      await serve.stop();
      dirs.remove();
    }
  });
});
