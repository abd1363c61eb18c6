/**
 * Issue 12.6: renaming a node rewrites every `$('Old name')` in the flow as one undoable
 * step (even when the name typed passes through another node's name on the way), and a flow
 * with two nodes of one name is not written by Ctrl+S.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FlowFile } from '../../engine/flow/types';
import { buildFlow } from '../fixtures/flow-builder';
import { e2e, expectText, openFlow, selectNode, uniqueName, useApp, waitForSaved } from './harness';
import { writeFlowFile } from './serve';

const onDisk = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as FlowFile;
const fieldValue = (flow: FlowFile) => (flow.nodes.find((n) => n.id === 'shape')!.params.fields as { value: string }[])[0].value;
const codeOf = (flow: FlowFile) => flow.nodes.find((n) => n.id === 'sum')!.params.code as string;

describe('renaming a node', () => {
  const app = useApp();
  const name = uniqueName('Rename flow');
  let file = '';

  it('rewrites $() references to it everywhere, and Undo puts them back', async () => {
    file = writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start' },
      { id: 's1', type: 'core.code', name: 'Step 1', params: { code: 'return [{ json: { n: 1 } }];' } },
      { id: 's2', type: 'core.code', name: 'Step 2', params: { code: 'return [{ json: { n: 2 } }];' } },
      { id: 'shape', type: 'core.set', name: 'Shape', params: { mode: 'merge', fields: [{ name: 'both', value: `{{ $('Step 2').item.json.n }} and {{ $('Step 1').item.json.n }}` }] } },
      { id: 'sum', type: 'core.code', name: 'Sum', params: { code: 'return $("Step 2").all();' } },
    ], ['Start -> Step 1', 'Step 1 -> Step 2', 'Step 2 -> Shape', 'Shape -> Sum'], { id: `f_rename_${Date.now().toString(36)}`, name }));
    const { page } = app();
    await openFlow(page, name);
    await selectNode(page, 'Step 2');
    await page.getByTestId('insp-tab-settings').click();
    const input = page.getByTestId('input-name');
    await input.click();
    await page.keyboard.press('ControlOrMeta+A');
    // Letter by letter, as a person types: "Step 1" (another node's name) comes on the way.
    await page.keyboard.type('Step 12', { delay: 40 });
    await expectText(page.getByTestId('inspector').locator('.insp-title'), 'Step 12');
    await waitForSaved(page);
    expect(fieldValue(onDisk(file))).toBe(`{{ $('Step 12').item.json.n }} and {{ $('Step 1').item.json.n }}`);
    expect(codeOf(onDisk(file))).toBe('return $("Step 12").all();');

    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    // Typing is one undo step while keys come within a second; a slow machine may split it.
    for (let i = 0; i < 8 && !(await page.getByTestId('node-Step 2').count()); i++) await page.getByTestId('undo').click();
    await page.getByTestId('node-Step 2').waitFor();
    await waitForSaved(page);
    const back = onDisk(file);
    expect(back.nodes.find((n) => n.id === 's2')!.name).toBe('Step 2');
    expect(fieldValue(back)).toBe(`{{ $('Step 2').item.json.n }} and {{ $('Step 1').item.json.n }}`);
    expect(codeOf(back)).toBe('return $("Step 2").all();');
  });

  it('does not save two nodes of one name on Ctrl+S', async () => {
    const { page } = app();
    await selectNode(page, 'Step 2');
    await page.getByTestId('insp-tab-settings').click();
    await page.getByTestId('input-name').fill('Step 1');
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('ControlOrMeta+S');
    await expectText(page.getByTestId('toast-error'), /Not saved: two nodes are named “Step 1”/);
    await page.waitForTimeout(2000);
    expect(onDisk(file).nodes.filter((n) => n.name === 'Step 1')).toHaveLength(1);
    expect(app().errors).toEqual([]);
  });
});
