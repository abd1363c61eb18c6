/**
 * Issue 12.8 (editor part): a Switch output has one name everywhere (its rule name on the
 * card, in the data panel's port tabs and status line, for screen readers), edges and ports
 * are named after their nodes, and a long error message is never cut off.
 */
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../fixtures/flow-builder';
import { e2e, expectText, node, openFlow, runFlow, screenshotThemes, selectNode, uniqueName, useApp } from './harness';
import { writeFlowFile } from './serve';

const rule = (operator: string, value2: number, outputName: string, combine = 'and') => ({
  conditions: [{ value1: '{{ $json.amount }}', operator, value2 }], combine, ignoreCase: false, outputName,
});
const LONG = `Customer record 17 has no billing address; the ERP rejects invoices without one. ${'Check the CRM export settings and map the address fields. '.repeat(4)}End of message.`;

describe('names and errors', () => {
  const app = useApp();

  it('names Switch outputs by their rules everywhere, and edges and ports by their nodes', async () => {
    const name = uniqueName('Switch names');
    writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start', position: { x: 0, y: 0 } },
      { type: 'core.code', name: 'Orders', position: { x: 260, y: 0 }, params: { code: 'return [5, 50, 500].map((amount) => ({ json: { amount } }));' } },
      { type: 'core.switch', name: 'Route', position: { x: 520, y: 0 }, params: { routing: { mode: 'rules', allMatching: false, rules: [rule('gt', 100, 'Big'), rule('lte', 100, 'Small')] } } },
      { type: 'core.noop', name: 'Review', position: { x: 800, y: -80 } },
    ], ['Start -> Orders', 'Orders -> Route', 'Route:0 -> Review'], { id: `f_names_${Date.now().toString(36)}`, name }));
    const { page } = app();
    await openFlow(page, name);
    await runFlow(page);
    const route = node(page, 'Route');
    await expectText(route.locator('.node-port.out').first(), /Big/);
    expect(await route.locator('.react-flow__handle.source[data-handleid="0"]').getAttribute('aria-label')).toBe('Output “Big” of “Route”');
    expect(await page.locator('.react-flow__edge').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))))
      .toContain('Connection from “Route” (Big) to “Review”');
    await selectNode(page, 'Route');
    await expectText(page.getByTestId('dp-port-0'), /^Big/);
    await expectText(page.getByTestId('dp-port-1'), /^Small/);
    await expectText(page.getByTestId('dp-status'), /out Big 1 · Small 2/);
    await screenshotThemes(page, 'switch-names');
  });

  it('shows a long error message in full on the card and in the top bar', async () => {
    const name = uniqueName('Long error');
    writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start' },
      { type: 'core.code', name: 'Invoice', position: { x: 300, y: 0 }, params: { code: `throw new Error(${JSON.stringify(LONG)});` } },
    ], ['Start -> Invoice'], { id: `f_longerr_${Date.now().toString(36)}`, name }));
    const { page } = app();
    await openFlow(page, name);
    await runFlow(page, 'failed');
    const cardError = node(page, 'Invoice').locator('.node-error');
    await expectText(cardError, /End of message\./);
    // Every line is reachable: nothing is clamped away (it scrolls when taller than the card allows).
    expect(await cardError.evaluate((el) => getComputedStyle(el).webkitLineClamp)).toMatch(/^(none|)$/);
    await page.getByTestId('run-error').locator('summary').click();
    const full = page.getByTestId('run-error-full');
    await full.waitFor();
    await expectText(full, /End of message\./);
    const box = await full.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 1440).toBe(true);
    await screenshotThemes(page, 'long-error');
    expect(app().errors).toEqual([]);
  });
});
