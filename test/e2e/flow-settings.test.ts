/**
 * Issue 12.11 (rest): a flow's settings have a screen (error flow picked from the workspace,
 * time zone, run timeout, concurrency, trusting its Code), the Flows list counts only flows a
 * person made something in, and an empty workspace offers the example flows as templates.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../fixtures/flow-builder';
import { e2e, expectAttr, expectText, openApp, openFlow, screenshotThemes, uniqueName, useApp, waitForEditor, waitForSaved } from './harness';
import { startServe, tempDirs, writeFlowFile } from './serve';

describe('flow settings', () => {
  const app = useApp();

  it('edits the flow file settings and trusts its Code', async () => {
    const stamp = Date.now().toString(36);
    const alert = uniqueName('Alert team');
    const name = uniqueName('Nightly sync');
    writeFlowFile(e2e().workspace, buildFlow([{ type: 'trigger.manual', name: 'Start' }], [], { id: `f_alert_${stamp}`, name: alert }));
    const file = writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start' },
      { type: 'core.code', name: 'Shape', position: { x: 260, y: 0 }, params: { code: 'return items;' } },
    ], ['Start -> Shape'], { id: `f_sync_${stamp}`, name }));
    const { page } = app();
    await openFlow(page, name);
    await page.getByTestId('flow-settings-open').click();
    const dialog = page.getByTestId('flow-settings');
    await expect.poll(() => dialog.getByTestId('fs-error-flow').locator('option').allTextContents()).toContain(alert);
    expect(await dialog.getByTestId('fs-error-flow').locator('option').allTextContents()).not.toContain(name);
    await dialog.getByTestId('fs-error-flow').selectOption({ label: alert });
    await dialog.getByTestId('fs-timezone').fill('Mars/Olympus');
    await expectText(dialog.locator('#fs-timezone-help'), /“Mars\/Olympus” is not a time zone/);
    await dialog.getByTestId('fs-timezone').fill('Europe/Berlin');
    await dialog.getByTestId('fs-timeout').fill('30');
    await dialog.getByTestId('fs-concurrency').selectOption('skip');
    await expectText(dialog, /one isolation layer instead of two/);
    const trust = dialog.getByTestId('fs-trust');
    await expect.poll(() => trust.isEnabled()).toBe(true);
    expect(await trust.isChecked()).toBe(false); // a file copied into the folder is not trusted
    await trust.check();
    await screenshotThemes(page, 'flow-settings');
    await page.keyboard.press('Escape');
    await waitForSaved(page);
    expect(JSON.parse(readFileSync(file, 'utf8')).settings).toEqual({ errorFlow: `f_alert_${stamp}`, timezone: 'Europe/Berlin', timeoutMs: 30_000, concurrency: 'skip' });

    // Trust is the engine's record, not the dialog's: it is still on when the dialog opens again.
    await page.getByTestId('flow-settings-open').click();
    await expect.poll(() => page.getByTestId('fs-trust').isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    expect(app().errors).toEqual([]);
  });

  it('counts only real flows and offers the examples in an empty workspace', async () => {
    const dirs = tempDirs('templates');
    writeFlowFile(dirs.workspace, buildFlow([], [], { id: 'f_blank', name: 'Untitled flow' }));
    const serve = await startServe(dirs);
    const opened = await openApp(serve.url);
    try {
      const { page } = opened;
      await expectText(page.locator('.screen-head .muted'), '0 flows');
      const templates = page.getByTestId('templates');
      await templates.waitFor();
      expect(await templates.locator('.template-name').allTextContents()).toContain('Route orders by amount');
      await screenshotThemes(page, 'flow-templates');
      await page.getByTestId('template-route-orders.flow.json').click();
      await waitForEditor(page);
      await expectText(page.getByTestId('flow-name'), 'Route orders by amount');
      await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(2);
      await page.getByTestId('rail-flows').click();
      await expectText(page.locator('.screen-head .muted'), '1 flow');
      await expectAttr(page.getByTestId('flows-blank'), 'data-testid', 'flows-blank');
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
      await serve.stop();
      dirs.remove();
    }
  });
});
