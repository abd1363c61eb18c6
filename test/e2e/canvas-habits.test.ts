/**
 * Issue 12.7 (part): the empty canvas says how to begin; a node added from the palette by
 * keyboard lands to the right of the selected node and is wired to it; new nodes and notes
 * never land on top of others.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createFlow, expectCount, node, screenshotThemes, uniqueName, useApp } from './harness';

const box = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error(`${l} is not on screen`);
  return b;
};
const apart = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

describe('canvas habits', () => {
  const app = useApp();

  it('prompts on the empty canvas, then chains nodes added by keyboard', async () => {
    const { page } = app();
    await createFlow(page, uniqueName('Habits'));
    await page.getByTestId('canvas-empty').waitFor();
    await screenshotThemes(page, 'canvas-empty');

    const search = page.getByRole('searchbox', { name: 'Search nodes' });
    await search.fill('Manual Trigger');
    await search.press('Enter');
    await node(page, 'Manual Trigger').waitFor();
    await page.getByTestId('canvas-empty').waitFor({ state: 'detached' });

    await search.fill('No Operation');
    await search.press('Enter');
    await node(page, 'No Operation').waitFor();
    await expectCount(page.locator('.react-flow__edge'), 1);
    expect(await page.locator('.react-flow__edge').getAttribute('aria-label')).toBe('Connection from “Manual Trigger” to “No Operation”');
    const [trigger, next] = [await box(node(page, 'Manual Trigger')), await box(node(page, 'No Operation'))];
    expect(next.x).toBeGreaterThan(trigger.x + trigger.width);
    expect(Math.abs(next.y - trigger.y)).toBeLessThan(5);
  });

  it('puts new notes and nodes beside others, never on top', async () => {
    const { page } = app();
    await page.getByTestId('add-note').click();
    await page.getByTestId('add-note').click();
    await expectCount(page.locator('.note-card'), 2);
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    const search = page.getByRole('searchbox', { name: 'Search nodes' });
    for (let i = 0; i < 2; i++) { await search.fill('No Operation'); await search.press('Enter'); }
    await node(page, 'No Operation 3').waitFor();
    await page.getByTestId('fit-view').click();
    await page.waitForTimeout(400);
    const cards = [...await page.locator('.node-card').all(), ...await page.locator('.note-card').all()];
    const boxes = await Promise.all(cards.map(box));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(apart(boxes[i], boxes[j]), `cards ${i} and ${j} overlap`).toBe(true);
    await screenshotThemes(page, 'canvas-placed');
    expect(app().errors).toEqual([]);
  });
});
