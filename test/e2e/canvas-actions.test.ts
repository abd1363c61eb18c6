/**
 * Issue 12.7 (rest): a "+" on each output adds a node wired to that port; a right-click menu
 * on nodes; sticky notes show their Markdown without ever running a note's HTML; the selected
 * node stays in view when the side panels open; the minimap keeps off a short canvas.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../fixtures/flow-builder';
import { e2e, expectAttr, expectCount, expectText, node, openFlow, runFlow, screenshotThemes, uniqueName, useApp, waitForSaved } from './harness';
import { writeFlowFile } from './serve';

const NOTE = [
  '# Read me', '', 'Some **bold** words, `code` and a [guide](https://example.com/guide).', '',
  '[sneaky](javascript:window.__pwned=3)', '', '<img src=x onerror="window.__pwned=1">', '', '<script>window.__pwned=2</script>', '', '- one', '- two',
].join('\n');

const rightClick = async (page: Page, name: string) => {
  await node(page, name).locator('.node-name').click({ button: 'right' });
  await page.getByTestId('node-menu').waitFor();
};
const menuItem = (page: Page, label: string) => page.getByTestId('node-menu').getByRole('menuitem', { name: label, exact: true });

describe('canvas actions', () => {
  const app = useApp();

  it('adds a node after a chosen output with its "+"', async () => {
    const name = uniqueName('Plus port');
    writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start' },
      { type: 'core.if', name: 'Check', position: { x: 300, y: 0 } },
    ], ['Start -> Check'], { id: `f_plus_${Date.now().toString(36)}`, name }));
    const { page } = app();
    await openFlow(page, name);
    await node(page, 'Check').hover();
    await node(page, 'Check').getByTestId('add-after-false').click();
    await expectText(page.getByTestId('palette-after'), /Adding after “Check” › false/);
    await expect.poll(() => page.getByTestId('palette-search').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Limit');
    await page.keyboard.press('Enter');
    await node(page, 'Limit').waitFor();
    await expect.poll(() => page.locator('.react-flow__edge').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))))
      .toContain('Connection from “Check” (false) to “Limit”');
    await page.getByTestId('palette-after').waitFor({ state: 'detached' });
    expect(app().errors).toEqual([]);
  });

  it('runs, pins, disables, renames, duplicates and deletes from the right-click menu', async () => {
    const name = uniqueName('Node menu');
    writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start' },
      { type: 'core.code', name: 'Make', position: { x: 300, y: 0 }, params: { code: 'return [{ json: { n: 1 } }, { json: { n: 2 } }];' } },
    ], ['Start -> Make'], { id: `f_menu_${Date.now().toString(36)}`, name }));
    const { page } = app();
    await openFlow(page, name);
    await rightClick(page, 'Make');
    await screenshotThemes(page, 'node-menu');
    expect(await menuItem(page, 'Pin output').isDisabled()).toBe(true); // nothing ran yet
    await menuItem(page, 'Run this node').click();
    await expectAttr(node(page, 'Make'), 'data-status', 'success');
    await rightClick(page, 'Make');
    await menuItem(page, 'Pin output').click();
    await node(page, 'Make').locator('.node-pin').waitFor();
    await rightClick(page, 'Make');
    await menuItem(page, 'Unpin output').click();
    await node(page, 'Make').locator('.node-pin').waitFor({ state: 'detached' });
    await rightClick(page, 'Make');
    await menuItem(page, 'Disable').click();
    await expectAttr(node(page, 'Make'), 'data-disabled', 'true');
    await rightClick(page, 'Make');
    await menuItem(page, 'Enable').click();
    await expectAttr(node(page, 'Make'), 'data-disabled', null);
    await rightClick(page, 'Make');
    await menuItem(page, 'Rename…').click();
    await page.getByTestId('node-menu-rename-input').fill('Make rows');
    await page.keyboard.press('Enter');
    await node(page, 'Make rows').waitFor();
    await rightClick(page, 'Make rows');
    await menuItem(page, 'Duplicate').click();
    await expectCount(page.locator('.react-flow__node-card'), 3);
    await rightClick(page, 'Make rows');
    await menuItem(page, 'Delete').click();
    await node(page, 'Make rows').waitFor({ state: 'detached' });
    await expectCount(page.locator('.react-flow__node-card'), 2);
    await waitForSaved(page);
    expect(app().errors).toEqual([]);
  });

  it('renders a note\'s Markdown and shows its HTML as text', async () => {
    const name = uniqueName('Markdown note');
    writeFlowFile(e2e().workspace, buildFlow([{ type: 'trigger.manual', name: 'Start' }], [], {
      id: `f_md_${Date.now().toString(36)}`, name,
      notes: [{ id: 'n1', text: NOTE, position: { x: 0, y: 140 }, size: { width: 360, height: 300 } }],
    }));
    const { page } = app();
    await openFlow(page, name);
    const note = page.getByTestId('note-n1');
    await expectText(note.locator('h3'), 'Read me');
    await expectText(note.locator('strong'), 'bold');
    expect(await note.locator('code').first().textContent()).toBe('code');
    const link = note.locator('a');
    await expectCount(link, 1);
    expect(await link.getAttribute('href')).toBe('https://example.com/guide');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await expectCount(note.locator('li'), 2);
    await expectCount(note.locator('img, script'), 0);
    const text = await note.innerText();
    expect(text).toContain('<img src=x onerror="window.__pwned=1">');
    expect(text).toContain('<script>window.__pwned=2</script>');
    expect(text).toContain('sneaky');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await screenshotThemes(page, 'note-markdown');
    expect(app().errors).toEqual([]);
  });

  it('keeps the selected node in view as the panels open, and hides the minimap on a short canvas', async () => {
    const name = uniqueName('Keep in view');
    writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start' },
      { type: 'core.noop', name: 'Middle', position: { x: 400, y: 300 } },
      { type: 'core.noop', name: 'Far right', position: { x: 1000, y: 600 } },
    ], ['Start -> Middle', 'Middle -> Far right'], { id: `f_view_${Date.now().toString(36)}`, name }));
    const { page } = app();
    await openFlow(page, name);
    expect(await page.locator('.react-flow__minimap').isVisible()).toBe(true);
    await node(page, 'Far right').locator('.node-name').click();
    await page.getByTestId('inspector').waitFor();
    const inView = async () => {
      const [pane, box] = await Promise.all([page.locator('.canvas-wrap').boundingBox(), node(page, 'Far right').boundingBox()]);
      return !!pane && !!box && box.x >= pane.x && box.y >= pane.y && box.x + box.width <= pane.x + pane.width && box.y + box.height <= pane.y + pane.height;
    };
    await expect.poll(inView).toBe(true);
    // The data panel below leaves a short canvas: no minimap there to cover the nodes.
    await expect.poll(() => page.locator('.react-flow__minimap').isVisible()).toBe(false);
    await runFlow(page);
    await expect.poll(inView).toBe(true);
    await screenshotThemes(page, 'keep-in-view');
    expect(app().errors).toEqual([]);
  });
});
