/**
 * Issue 12.4 (editor side): a Code node's console.log lines show in the data panel's Logs
 * tab, and a recorded run shows each node's parameters read-only beside its data.
 */
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../fixtures/flow-builder';
import { e2e, expectText, node, openFlow, runFlow, screenshotThemes, selectNode, uniqueName, useApp } from './harness';
import { writeFlowFile } from './serve';

const CODE = 'console.log("seen", items.length, "items"); console.warn("row 2 has no e-mail"); return items;';

describe('logs and parameters of a run', () => {
  const app = useApp();
  const name = uniqueName('Logging flow');

  it('shows the Code node’s console output in the Logs tab after a run', async () => {
    writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start' },
      { type: 'core.code', name: 'Log rows', params: { code: CODE } },
    ], ['Start -> Log rows'], { id: `f_logs_${Date.now().toString(36)}`, name }));
    const { page } = app();
    await openFlow(page, name);
    await runFlow(page);
    await selectNode(page, 'Log rows');
    await page.getByTestId('dp-logs-tab').click();
    const logs = page.getByTestId('dp-logs');
    await expectText(logs, /seen 1 items/);
    await expectText(logs.locator('[data-level="warn"]'), /row 2 has no e-mail/);
    await screenshotThemes(page, 'data-panel-logs');
  });

  it('shows a recorded node’s parameters read-only in the run view', async () => {
    const { page } = app();
    await page.getByTestId('rail-runs').click();
    await page.locator('[data-testid^="run-row-"]', { hasText: name }).first().click();
    await page.getByTestId('run-view').waitFor();
    await node(page, 'Log rows').locator('.node-name').click();
    await page.getByTestId('dp-params-tab').click();
    await expectText(page.getByTestId('dp-params'), /console\.warn\(\\"row 2 has no e-mail\\"\)/);
    expect(await page.getByTestId('dp-params').evaluate((el) => (el as HTMLElement).isContentEditable || el.tagName === "TEXTAREA")).toBe(false);
    await expectText(page.getByTestId('run-view-source'), /Flow as (it ran|it is now)/);
    await screenshotThemes(page, 'run-view-params');
    expect(app().errors).toEqual([]);
  });
});
