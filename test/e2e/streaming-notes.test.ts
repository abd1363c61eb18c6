/** The inspector says which nodes collect all items before they run (streamed runs, issue 14). */
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../fixtures/flow-builder';
import { e2e, openFlow, screenshot, selectNode, useApp } from './harness';
import { writeFlowFile } from './serve';

describe('streaming notes in the inspector', () => {
  const app = useApp();

  it('says Sort collects all items and says nothing of the kind for Filter', async () => {
    const name = `Streaming notes ${Date.now().toString(36)}`;
    writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start' },
      { type: 'core.filter', name: 'Keep big', position: { x: 260, y: 0 } },
      { type: 'core.sort', name: 'By amount', position: { x: 520, y: 0 }, params: { fields: [{ field: 'amount', order: 'desc' }] } },
    ], ['Start -> Keep big', 'Keep big -> By amount'], { id: `f_notes_${Date.now().toString(36)}`, name }));
    const { page } = app();
    await openFlow(page, name);
    const inspector = page.getByTestId('inspector');
    await selectNode(page, 'By amount');
    await inspector.locator('[data-streaming="collect"]').waitFor();
    expect(await inspector.locator('[data-streaming="collect"]').textContent()).toMatch(/^Collects all items before it runs/);
    await screenshot(page, 'inspector-collects-all-items.png');
    await selectNode(page, 'Keep big');
    expect(await inspector.locator('[data-streaming]').count()).toBe(0);
    expect(app().errors).toEqual([]);
  });
});
