/**
 * A PNG of each main screen in artifacts/ (1440×900), for a person to look over: the
 * editor after a run, the inspector, the data panel with a table, Runs, Flows, and the
 * editor in the dark theme. Each shot waits for what it is meant to show.
 */
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../fixtures/flow-builder';
import {
  e2e, expectAttr, expectText, focusMonaco, node, openFlow, runFlow, screenshot, selectNode, tableRows, uniqueName, useApp,
} from './harness';
import { writeFlowFile } from './serve';

const ORDERS = `return [
  { id: 'SO-1001', customer: 'Acme Corp', country: 'DE', amount: 45.5 },
  { id: 'SO-1002', customer: 'Globex', country: 'US', amount: 1820 },
  { id: 'SO-1003', customer: 'Initech', country: 'US', amount: 310 },
  { id: 'SO-1004', customer: 'Umbrella', country: 'FR', amount: 99.99 },
  { id: 'SO-1005', customer: 'Hooli', country: 'US', amount: 5000 },
  { id: 'SO-1006', customer: 'Stark Industries', country: 'DE', amount: 742.1 },
  { id: 'SO-1007', customer: 'Wayne Enterprises', country: 'FR', amount: 12.75 },
].map((json) => ({ json }));`;

describe('screenshots of the main screens', () => {
  const app = useApp();
  const name = uniqueName('Orders pipeline');

  it('editor after a run, with item counts on the cards', async () => {
    const at = (x: number, y: number) => ({ x, y });
    writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start', position: at(0, 120) },
      { type: 'core.code', name: 'Make orders', position: at(280, 120), params: { code: ORDERS } },
      { type: 'core.set', name: 'Shape fields', position: at(560, 120), params: { mode: 'merge', fields: [
        { name: 'customer', value: '{{ $json.customer.toUpperCase() }}' },
        { name: 'gross', value: '{{ Math.round($json.amount * 1.19 * 100) / 100 }}' },
        { name: 'label', value: 'Order {{ $json.id }} from {{ $json.country }}' },
      ] } },
      { type: 'core.if', name: 'Big order?', position: at(840, 120), params: { when: { mode: 'rules', combine: 'and', ignoreCase: false, conditions: [
        { value1: '{{ $json.amount }}', operator: 'gt', value2: 500 },
      ] } } },
      { type: 'core.sort', name: 'Largest first', position: at(1120, 20), params: { fields: [{ field: 'amount', order: 'desc' }] } },
      { type: 'core.aggregate', name: 'Totals by country', position: at(1120, 240), params: {
        groupBy: ['country'], aggregations: [{ field: 'amount', op: 'sum', as: 'total' }, { op: 'count', as: 'orders' }],
      } },
    ], ['Start -> Make orders', 'Make orders -> Shape fields', 'Shape fields -> Big order?', 'Big order?:true -> Largest first', 'Big order?:false -> Totals by country'], {
      id: `f_screens_${Date.now().toString(36)}`, name,
      notes: [{ id: 's_1', text: 'Orders over 500 go to review, largest first. The rest are summed per country.', position: { x: 560, y: 330 }, size: { width: 260, height: 110 } }],
    }));
    const { page } = app();
    await openFlow(page, name);
    await runFlow(page);
    await expectText(node(page, 'Largest first').locator('.node-out-count'), '3');
    await expectText(node(page, 'Totals by country').locator('.node-out-count'), '3');
    await page.getByTestId('fit-view').click();
    await page.mouse.move(5, 890); // no hover highlight in the picture
    await page.waitForFunction(() => !document.querySelector('.react-flow__viewport')?.getAnimations?.().length);
    await screenshot(page, 'editor-run.png');
  });

  it('inspector with expression fields and their previews', async () => {
    const { page } = app();
    await selectNode(page, 'Shape fields');
    await expectText(page.getByTestId('preview-fields.0.value'), /ACME CORP/);
    await expectText(page.getByTestId('preview-fields.2.value'), /Order SO-1001 from DE/);
    await focusMonaco(page.getByTestId('expr-fields.1.value'));
    await screenshot(page, 'inspector.png');
    await page.keyboard.press('Escape');
  });

  it('data panel with a table', async () => {
    const { page } = app();
    await selectNode(page, 'Totals by country');
    await expectText(page.getByTestId('dp-count'), '3 items');
    expect((await tableRows(page))[0]).toEqual(['#', 'country', 'total', 'orders']);
    await screenshot(page, 'data-panel.png');
  });

  it('runs', async () => {
    const { page } = app();
    await page.getByTestId('rail-runs').click();
    await page.locator('[data-testid^="run-row-"]', { hasText: name }).first().waitFor();
    await screenshot(page, 'runs.png');
  });

  it('flows', async () => {
    const { page } = app();
    await page.getByTestId('rail-flows').click();
    await page.getByTestId(`flow-row-${name}`).waitFor();
    await screenshot(page, 'flows.png');
  });

  it('editor in the dark theme', async () => {
    const { page } = app();
    await page.getByTestId('rail-settings').click();
    await page.getByTestId('theme-dark').check();
    await expectAttr(page.locator('html'), 'data-theme', 'dark');
    await openFlow(page, name);
    await runFlow(page);
    await selectNode(page, 'Big order?');
    await expectText(page.getByTestId('dp-count'), '3 items');
    await expectText(page.getByTestId('preview-when.conditions.0.value1'), /45\.5/);
    await screenshot(page, 'dark.png');
    expect(app().errors).toEqual([]);
  });
});
