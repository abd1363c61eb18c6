/**
 * Issue 12.9: the data table fits its columns to the content (past the first rows), columns
 * widen by dragging and sort by a click, a search box filters items, and a wide panel shows
 * Input beside Output.
 */
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../fixtures/flow-builder';
import { e2e, expectText, openFlow, runFlow, screenshotThemes, selectNode, tableRows, uniqueName, useApp } from './harness';
import { writeFlowFile } from './serve';

// 300 rows; row 150 alone has a long note and the name "zeta".
const CODE = `return Array.from({ length: 300 }, (_, i) => ({ json: { name: i === 150 ? 'zeta' : 'row ' + i, amount: (i * 37) % 301, note: i === 150 ? 'a much longer note than every other row has' : 'short' } }));`;

describe('data table', () => {
  const app = useApp();

  it('fits, resizes, sorts and searches columns, and shows Input beside Output when wide', async () => {
    const name = uniqueName('Data table');
    writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start' },
      { type: 'core.code', name: 'Rows', position: { x: 260, y: 0 }, params: { code: CODE } },
      { type: 'core.noop', name: 'Look', position: { x: 520, y: 0 } },
    ], ['Start -> Rows', 'Rows -> Look'], { id: `f_table_${Date.now().toString(36)}`, name }));
    const { page } = app();
    await openFlow(page, name);
    await runFlow(page);
    await selectNode(page, 'Rows');
    const table = page.getByTestId('dp-table');
    await table.locator('[role="gridcell"]').first().waitFor();
    const widthOf = async (col: string) => (await table.getByTestId(`dp-th-${col}`).boundingBox())!.width;

    // Fitted over the sample, not the first rows: row 150's long note sets the column's width.
    expect(await widthOf('note')).toBeGreaterThan(220);
    expect(await widthOf('amount')).toBeLessThan(110);

    // Drag the edge of "name" 80 px to the right.
    const before = await widthOf('name');
    const edge = (await table.getByTestId('dp-resize-name').boundingBox())!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge.x + 40, edge.y + 5, { steps: 4 });
    await page.mouse.move(edge.x + 80 + edge.width / 2, edge.y + 5, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => widthOf('name')).toBeCloseTo(before + 80, -1);

    // Sort by amount, then the other way round.
    await table.getByTestId('dp-th-amount').locator('button').click();
    expect(await table.getByTestId('dp-th-amount').getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(async () => (await tableRows(page))[1][2]).toBe('0');
    expect((await tableRows(page))[2][2]).toBe('1');
    await table.getByTestId('dp-th-amount').locator('button').click();
    await expect.poll(async () => (await tableRows(page))[1][2]).toBe('300');

    // Search keeps the matching items only.
    await page.getByTestId('dp-search').fill('zeta');
    await expectText(page.getByTestId('dp-matches'), '1 of 300 match');
    await expect.poll(async () => (await tableRows(page)).slice(1).map((r) => r[1])).toEqual(['zeta']);
    expect((await tableRows(page))[1][0]).toBe('150'); // the # column keeps the item's own index
    await screenshotThemes(page, 'data-table');

    // A wide window: Input and Output side by side.
    await page.setViewportSize({ width: 2300, height: 900 });
    try {
      await selectNode(page, 'Look');
      await page.getByTestId('dp-pane-input').waitFor();
      await page.getByTestId('dp-pane-output').waitFor();
      const [inBox, outBox] = await Promise.all([page.getByTestId('dp-pane-input').boundingBox(), page.getByTestId('dp-pane-output').boundingBox()]);
      expect(inBox!.x + inBox!.width).toBeLessThanOrEqual(outBox!.x + 1);
      await expectText(page.getByTestId('dp-pane-input').getByTestId('dp-count'), '300 items');
      await expectText(page.getByTestId('dp-pane-output').getByTestId('dp-count'), '300 items');
      await screenshotThemes(page, 'data-split');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    expect(app().errors).toEqual([]);
  });
});
