/**
 * Issue 13.4: a person activates a scheduled flow in the editor; the Flows screen shows it
 * active with its next fire time and what it did last, and its run is in the Runs history.
 */
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../fixtures/flow-builder';
import { e2e, expectText, openFlow, screenshot, uniqueName, useApp } from './harness';
import { writeFlowFile } from './serve';

describe('an active scheduled flow', () => {
  const app = useApp();

  it('fires on its schedule: next fire and last result on the Flows screen, the run in history', async () => {
    const name = uniqueName('Every two seconds');
    const flow = buildFlow(
      [{ type: 'trigger.schedule', name: 'Every 2 s', params: { cron: '*/2 * * * * *' } }, { type: 'core.noop', name: 'Pass' }],
      ['Every 2 s -> Pass'],
      { id: `f_sched_${Date.now().toString(36)}`, name },
    );
    writeFlowFile(e2e().workspace, flow);
    const { page } = app();
    await openFlow(page, name);
    const toggle = page.getByTestId('flow-active');
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);

    await page.getByTestId('rail-flows').click();
    const row = page.getByTestId(`flow-row-${name}`);
    await row.waitFor();
    const cell = row.getByTestId('flow-trigger');
    await expectText(cell, /Active/);
    await row.getByTestId('flow-next-fire').waitFor();
    // The list refreshes its trigger status; a fire within a few seconds shows as "ran on schedule".
    await expectText(cell, /ran on schedule/, 30_000);
    await screenshot(page, 'flows-active-schedule.png');

    await page.getByTestId('rail-runs').click();
    await page.getByTestId('runs-table').waitFor();
    await expectText(page.getByTestId('runs-table'), name);

    // Deactivated again, so the schedule does not keep firing for the other tests.
    await openFlow(page, name);
    await page.getByTestId('flow-active').click();
    await expect.poll(() => page.getByTestId('flow-active').isChecked()).toBe(false);
    expect(app().errors).toEqual([]);
  });
});
