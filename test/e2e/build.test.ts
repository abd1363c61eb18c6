/**
 * A person builds a flow from nothing: four nodes dragged from the palette and wired, the
 * Code node's items typed in, an Edit Fields value picked from autocomplete, a filter; runs
 * it, reads the table, pins, saves, reloads, exports and re-imports, undoes a delete, and
 * copies two nodes into another flow.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chooseOption, connect, createFlow, dragFromPalette, expectAttr, expectCount, expectText, fillField, monacoText,
  node, openFlow, pickCompletion, runFlow, selectNode, setCode, tableRows, uniqueName, useApp, waitForEditor, waitForSaved,
} from './harness';

const CODE = 'return [{ name: "Ada", amount: 120 }, { name: "Grace", amount: 80 }, { name: "Linus", amount: 300 }].map((json) => ({ json }));';

describe('building a flow by hand', () => {
  const app = useApp();
  const name = uniqueName('Build');
  const edges = () => app().page.locator('.react-flow__edge');

  it('drags four nodes in, wires them, fills their fields and reads the run in the table', async () => {
    const { page } = app();
    await createFlow(page, name);
    const drops: [string, string][] = [['trigger.manual', 'Manual Trigger'], ['core.code', 'Code'], ['core.set', 'Edit Fields'], ['core.filter', 'Filter']];
    for (const [i, [type, title]] of drops.entries()) {
      await dragFromPalette(page, type, { x: 130 + i * 270, y: 160 }, title);
      await page.keyboard.press('Escape'); // deselect, so the inspector does not narrow the canvas for the next drop
    }
    await connect(page, 'Manual Trigger', 'Code');
    await connect(page, 'Code', 'Edit Fields');
    await connect(page, 'Edit Fields', 'Filter');

    await selectNode(page, 'Code');
    await setCode(page, CODE);
    // A first run, so the expression fields know which fields the items have.
    await runFlow(page);
    await expectText(node(page, 'Code').locator('.node-out-count'), '3');

    await selectNode(page, 'Edit Fields');
    await page.getByTestId('add-fields').click();
    await fillField(page, 'fields.0.name', 'greeting');
    const value = await pickCompletion(page, 'fields.0.value', 'Hi {{ $json.', 'name');
    await page.keyboard.press('End');
    expect(await monacoText(value)).toBe('Hi {{ $json.name}}');
    await expectText(page.getByTestId('preview-fields.0.value'), /Hi Ada/);

    await selectNode(page, 'Filter');
    await page.getByTestId('add-when.conditions').click();
    await pickCompletion(page, 'when.conditions.0.value1', '{{ $json.', 'amount');
    await chooseOption(page, 'when.conditions.0.operator', 'gt');
    await page.getByTestId('fx-when.conditions.0.value2').click(); // an expression by default; a fixed number here
    await fillField(page, 'when.conditions.0.value2', '100');

    await runFlow(page);
    await expectText(node(page, 'Filter').locator('.node-ports'), /main\s*2.*discarded\s*1/);
    await expectText(page.getByTestId('dp-count'), '2 items');
    expect(await tableRows(page)).toEqual([
      ['#', 'name', 'amount', 'greeting'],
      ['0', 'Ada', '120', 'Hi Ada'],
      ['1', 'Linus', '300', 'Hi Linus'],
    ]);
  });

  it('pins output, saves with Ctrl+S, and finds the flow intact after a reload', async () => {
    const { page } = app();
    await selectNode(page, 'Code');
    await page.getByTestId('dp-pin').click();
    await page.getByTestId('dp-pinned').waitFor();
    await node(page, 'Code').locator('.node-pin').waitFor();
    await page.getByTestId('dirty-marker').waitFor();
    await page.keyboard.press('ControlOrMeta+S');
    await waitForSaved(page);

    await page.reload();
    await waitForEditor(page);
    await expectText(page.getByTestId('flow-name'), name);
    await expectCount(page.locator('[data-testid^="node-"].node-card'), 4);
    await expectCount(edges(), 3);
    await node(page, 'Code').locator('.node-pin').waitFor();
    await selectNode(page, 'Code');
    await expect.poll(() => monacoText(page.getByTestId('input-code').locator('.monaco-editor'))).toBe(CODE);
    await selectNode(page, 'Edit Fields');
    expect(await page.getByTestId('input-fields.0.name').inputValue()).toBe('greeting');
    await expectText(page.getByTestId('expr-fields.0.value'), 'Hi {{ $json.name}}');
    await selectNode(page, 'Filter');
    expect(await page.getByTestId('input-when.conditions.0.operator').inputValue()).toBe('gt');
    expect(await page.getByTestId('input-when.conditions.0.value2').inputValue()).toBe('100');
  });

  it('deletes a node, brings it back with Ctrl+Z and removes it again with Ctrl+Shift+Z', async () => {
    const { page } = app();
    await selectNode(page, 'Filter');
    // The click left the keyboard on the card, not in the inspector (whose fields keep their own keys).
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="node-Filter"], .react-flow__node'))).toBe(true);
    await page.keyboard.press('Delete');
    await expectCount(node(page, 'Filter'), 0);
    await expectCount(edges(), 2);
    await page.keyboard.press('ControlOrMeta+Z');
    await node(page, 'Filter').waitFor();
    await expectCount(edges(), 3);
    await page.keyboard.press('ControlOrMeta+Shift+Z');
    await expectCount(node(page, 'Filter'), 0);
    await expectCount(edges(), 2);
    await page.getByTestId('undo').click(); // and back, with the toolbar this time
    await node(page, 'Filter').waitFor();
    await waitForSaved(page);
  });

  it('copies two nodes with Ctrl+C and pastes them into another flow with Ctrl+V', async () => {
    const { page } = app();
    await node(page, 'Code').locator('.node-name').click();
    await node(page, 'Edit Fields').locator('.node-name').click({ modifiers: ['Shift'] });
    await expectAttr(node(page, 'Code'), 'data-selected', 'true');
    await expectAttr(node(page, 'Edit Fields'), 'data-selected', 'true');
    await page.keyboard.press('ControlOrMeta+C');
    await expectText(page.getByTestId('toast-info').last(), 'Copied 2 nodes');
    // Copied as flow JSON, so it would paste into a text editor or another window too.
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.format).toBe('junction/fragment@1');
    expect(copied.nodes.map((n: { name: string }) => n.name).sort()).toEqual(['Code', 'Edit Fields']);

    const other = uniqueName('Paste target');
    await createFlow(page, other);
    await page.locator('.react-flow__pane').click({ position: { x: 400, y: 300 } });
    await page.keyboard.press('ControlOrMeta+V');
    await node(page, 'Code').waitFor();
    await node(page, 'Edit Fields').waitFor();
    await expectCount(edges(), 1);
    await page.keyboard.press('Escape'); // the pasted pair arrives selected
    await selectNode(page, 'Edit Fields');
    expect(await page.getByTestId('input-fields.0.name').inputValue()).toBe('greeting');
    await selectNode(page, 'Code');
    await expect.poll(() => monacoText(page.getByTestId('input-code').locator('.monaco-editor'))).toBe(CODE);
    await waitForSaved(page);
  });

  it('exports the flow with its pinned data and imports it back', async () => {
    const { page } = app();
    await page.getByTestId('rail-flows').click();
    await page.getByTestId(`flow-menu-${name}`).click();
    await page.getByTestId('flow-action-export').click();
    await page.getByTestId('export-dialog').waitFor();
    await page.getByTestId('export-include-pinned').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()]);
    const dir = mkdtempSync(join(tmpdir(), 'junction-e2e-export-'));
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    rmSync(dir, { recursive: true, force: true });
    const exported = JSON.parse(text);
    expect(download.suggestedFilename()).toMatch(/\.flow\.json$/);
    expect(exported.name).toBe(name);
    expect(exported.nodes.map((n: { name: string }) => n.name).sort()).toEqual(['Code', 'Edit Fields', 'Filter', 'Manual Trigger']);
    expect(exported.edges).toHaveLength(3);
    const code = exported.nodes.find((n: { name: string }) => n.name === 'Code');
    expect(exported.pinned[code.id]).toHaveLength(3);

    // Delete the original, so the import is the only flow of that name.
    await page.getByTestId(`flow-menu-${name}`).click();
    await page.getByTestId('flow-action-delete').click();
    await expectCount(page.getByTestId(`flow-row-${name}`), 0);

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-flow').click()]);
    await chooser.setFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
    await expectText(page.getByTestId('toast-success').last(), `Imported “${name}”`);
    await page.getByTestId(`flow-row-${name}`).waitFor();
    await openFlow(page, name);
    await expectCount(page.locator('[data-testid^="node-"].node-card'), 4);
    await expectCount(edges(), 3);
    await node(page, 'Code').locator('.node-pin').waitFor();
    expect(app().errors).toEqual([]);
  });
});
