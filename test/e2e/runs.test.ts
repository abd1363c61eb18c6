/**
 * After a few runs from the editor, the Runs screen lists them with their status, filters
 * by status and by flow, and opens a run as a read-only canvas with each node's outcome.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../fixtures/flow-builder';
import { e2e, expectAttr, expectCount, expectText, node, openFlow, runFlow, uniqueName, useApp } from './harness';
import { writeFlowFile } from './serve';

const rowsOf = (page: Page, flowName: string) => page.locator('[data-testid^="run-row-"]', { hasText: flowName });

describe('the Runs screen', () => {
  const app = useApp();
  const good = uniqueName('Runs good');
  const bad = uniqueName('Runs bad');

  it('runs one flow twice and a failing one once from the editor', async () => {
    const stamp = Date.now().toString(36);
    writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start' },
      { type: 'core.code', name: 'Make rows', params: { code: 'return [1, 2, 3, 4].map((n) => ({ json: { n } }));' } },
      { type: 'core.limit', name: 'Keep two', params: { maxItems: 2 } },
    ], ['Start -> Make rows', 'Make rows -> Keep two'], { id: `f_good_${stamp}`, name: good }));
    writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start' },
      { type: 'core.code', name: 'Explode', params: { code: 'throw new Error("row 7 has no id");' } },
      { type: 'core.noop', name: 'Never reached' },
    ], ['Start -> Explode', 'Explode -> Never reached'], { id: `f_bad_${stamp}`, name: bad }));
    const { page } = app();
    await openFlow(page, good);
    await runFlow(page);
    await runFlow(page);
    await openFlow(page, bad);
    expect(await runFlow(page, 'failed')).toMatch(/Failed/);
  });

  it('lists the runs with their status', async () => {
    const { page } = app();
    await page.getByTestId('rail-runs').click();
    await page.getByTestId('runs-table').waitFor();
    await expectCount(rowsOf(page, good), 2);
    await expectCount(rowsOf(page, bad), 1);
    for (const status of await rowsOf(page, good).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))) expect(status).toBe('success');
    await expectAttr(rowsOf(page, bad), 'data-status', 'failed');
    await expectText(rowsOf(page, bad), /Failed/);
    await expectText(rowsOf(page, good).first().locator('[role="cell"]').first(), 'Succeeded');
    await expectText(rowsOf(page, good).first().locator('[role="cell"]').last(), '2'); // items out
  });

  it('filters by status and by flow', async () => {
    const { page } = app();
    const all = page.locator('[data-testid^="run-row-"]');
    await page.getByTestId('runs-filter-status').selectOption('failed');
    await expectCount(rowsOf(page, good), 0);
    await expectCount(rowsOf(page, bad), 1);
    expect(new Set(await all.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status'))))).toEqual(new Set(['failed']));

    await page.getByTestId('runs-filter-status').selectOption('');
    await page.getByTestId('runs-filter-flow').selectOption({ label: good });
    await expectCount(all, 2);
    await expectCount(rowsOf(page, good), 2);

    await page.getByTestId('runs-filter-status').selectOption('failed');
    await expectText(page.getByTestId('runs-empty'), 'No runs match these filters');
    await page.getByTestId('runs-filter-status').selectOption('');
    await page.getByTestId('runs-filter-flow').selectOption('');
    await expectCount(rowsOf(page, bad), 1);
  });

  it('opens a failed run as a canvas with each node’s status', async () => {
    const { page } = app();
    await rowsOf(page, bad).click();
    await page.getByTestId('run-view').waitFor();
    await expectText(page.getByTestId('run-view-status'), 'Failed');
    await expectAttr(node(page, 'Start'), 'data-status', 'success');
    await expectAttr(node(page, 'Explode'), 'data-status', 'failed');
    await expectText(node(page, 'Explode'), /row 7 has no id/);
    expect(await node(page, 'Never reached').getAttribute('data-status')).not.toBe('success');
    await node(page, 'Explode').locator('.node-name').click();
    await expectText(page.getByTestId('dp-error'), /"Explode" failed.*row 7 has no id/);

    await page.getByTestId('rail-runs').click();
    await rowsOf(page, good).first().click();
    await expectText(page.getByTestId('run-view-status'), 'Succeeded');
    await expectAttr(node(page, 'Keep two'), 'data-status', 'success');
    await expectText(node(page, 'Keep two').locator('.node-out-count'), '2');
    await expectText(node(page, 'Make rows').locator('.node-out-count'), '4');
    expect(app().errors).toEqual([]);
  });
});
