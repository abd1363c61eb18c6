/**
 * Importing from n8n in the editor: the Import… button with a workflow file, and a workflow
 * pasted with Ctrl+V on the Flows screen; the report dialog lists what each node became, the
 * notes and the connections, and opens the flow, where a placeholder is drawn apart.
 */
import { describe, expect, it } from 'vitest';
import { createFlow, expectAttr, expectCount, expectText, node, screenshot, screenshotThemes, uniqueName, useApp, waitForEditor } from './harness';

function workflow(name: string) {
  return {
    name,
    nodes: [
      { parameters: {}, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
      { parameters: { jsCode: 'return [{ json: { amount: 700 } }, { json: { amount: 20 } }];' }, name: 'Orders', type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0] },
      { parameters: { conditions: { combinator: 'and', conditions: [{ leftValue: '={{ $json.amount }}', rightValue: 500, operator: { type: 'number', operation: 'gt' } }] } }, name: 'Big?', type: 'n8n-nodes-base.if', typeVersion: 2, position: [440, 0] },
      { parameters: { channel: '#sales', text: '={{ $node["Orders"].parameter.x }}' }, name: 'Tell sales', type: 'n8n-nodes-base.slack', typeVersion: 2, position: [660, -100], credentials: { slackApi: { id: '12', name: 'Sales Slack' } } },
      { parameters: { content: '## Big orders go to sales', height: 120, width: 260 }, name: 'Note', type: 'n8n-nodes-base.stickyNote', typeVersion: 1, position: [200, 200] },
    ],
    connections: {
      Start: { main: [[{ node: 'Orders', type: 'main', index: 0 }]] },
      Orders: { main: [[{ node: 'Big?', type: 'main', index: 0 }]] },
      'Big?': { main: [[{ node: 'Tell sales', type: 'main', index: 0 }], []] },
    },
  };
}

describe('importing n8n workflows in the editor', () => {
  const app = useApp();

  it('Import… with an n8n file shows the report, then opens the flow with the placeholder drawn apart', async () => {
    const { page, errors } = app();
    await page.getByTestId('rail-flows').click();
    const name = uniqueName('Orders to sales');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-flow').click();
    await (await chooser).setFiles({ name: 'orders.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workflow(name))) });
    const report = page.getByTestId('import-report');
    await expectText(report, /Imported from n8n: orders\.json/);
    await expectText(report.locator('tr', { hasText: 'Big?' }), 'core.if');
    await expectText(report.locator('tr', { hasText: 'Tell sales' }), 'Placeholder (no equivalent)');
    await expectText(report.locator('tr', { hasText: 'Note' }), 'Canvas note');
    await expectText(report, 'Sales Slack');
    await expectText(report, /\$\.nodes\[3\]/);
    await screenshotThemes(page, 'import-report');
    await page.getByTestId('import-open').click();
    await waitForEditor(page);
    await expectAttr(node(page, 'Tell sales'), 'data-placeholder', 'true');
    await expectText(node(page, 'Tell sales'), 'No equivalent: n8n-nodes-base.slack');
    await screenshot(page, 'import-placeholder-canvas.png');
    expect(errors).toEqual([]);
  });

  it('Ctrl+V of an n8n workflow on the Flows screen imports it', async () => {
    const { page, errors } = app();
    await page.getByTestId('rail-flows').click();
    const name = uniqueName('Pasted');
    await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(workflow(name)));
    await page.locator('.app-main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+V');
    const report = page.getByTestId('import-report');
    await expectText(report, 'Imported from n8n');
    await expectText(report, name);
    await report.getByRole('button', { name: 'Close' }).first().click();
    await expectText(page.getByTestId(`flow-row-${name}`), name);
    expect(errors).toEqual([]);
  });

  it('Ctrl+V of an n8n workflow on the canvas imports it as a new flow and leaves the open one alone', async () => {
    const { page, errors } = app();
    await createFlow(page, uniqueName('Canvas'));
    await expectCount(page.getByText('Imported node (no equivalent)'), 0); // placeholders only come from imports
    const name = uniqueName('From canvas');
    await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(workflow(name)));
    await page.locator('.react-flow__pane').click({ position: { x: 300, y: 300 } });
    await page.keyboard.press('Control+V');
    const report = page.getByTestId('import-report');
    await expectText(report, name);
    await page.getByTestId('import-open').click();
    await waitForEditor(page);
    await expectText(node(page, 'Big?'), 'If');
    expect(errors).toEqual([]);
  });
});
