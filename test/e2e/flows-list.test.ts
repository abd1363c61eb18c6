/**
 * Issue 12.11 (part): the Flows list hides empty "Untitled flow" files nobody filled (with a
 * way to show them), and an imported flow whose name is taken gets a distinct one.
 */
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../fixtures/flow-builder';
import { e2e, expectCount, screenshotThemes, uniqueName, useApp } from './harness';
import { writeFlowFile } from './serve';

describe('the Flows list', () => {
  const app = useApp();

  it('hides empty untitled flows until asked', async () => {
    const stamp = Date.now().toString(36);
    writeFlowFile(e2e().workspace, buildFlow([], [], { id: `f_blank_${stamp}`, name: 'Untitled flow 97' }));
    const { page } = app();
    await page.getByTestId('rail-flows').click();
    await page.getByTestId('flows-table').waitFor();
    await page.getByTestId('flows-blank').waitFor();
    await expectCount(page.getByTestId('flow-row-Untitled flow 97'), 0);
    await screenshotThemes(page, 'flows-list');
    await page.getByTestId('flows-blank-toggle').click();
    await expectCount(page.getByTestId('flow-row-Untitled flow 97'), 1);
    await page.getByTestId('flows-blank-toggle').click();
    await expectCount(page.getByTestId('flow-row-Untitled flow 97'), 0);
  });

  it('gives an imported flow a distinct name when its name is taken', async () => {
    const name = uniqueName('Imported twice');
    const flow = buildFlow([{ type: 'trigger.manual', name: 'Start' }], [], { id: `f_imp_${Date.now().toString(36)}`, name });
    writeFlowFile(e2e().workspace, flow);
    const { page } = app();
    await page.getByTestId('rail-flows').click();
    await page.getByTestId(`flow-row-${name}`).waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-flow').click();
    await (await chooser).setFiles({ name: 'copy.flow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(flow)) });
    await page.getByTestId('rail-flows').click();
    await page.getByTestId(`flow-row-${name} 2`).waitFor();
    await expectCount(page.getByTestId(`flow-row-${name}`), 1);
    expect(app().errors).toEqual([]);
  });
});
