/**
 * Issue 12.8 (rest): the editor speaks the analyst's words. Condition operators read as
 * phrases, problems name the node and the inspector's field label (never a JSON path like
 * `$.nodes[2].params.fields[0].value`), and an expression's syntax error is underlined at
 * its character in the expression editor.
 */
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../fixtures/flow-builder';
import { e2e, expectText, focusMonaco, openFlow, screenshotThemes, selectNode, uniqueName, useApp } from './harness';
import { writeFlowFile } from './serve';

const BAD = '{{ $json.amount + }}';

describe('plain words', () => {
  const app = useApp();

  it('shows condition operators as phrases', async () => {
    const name = uniqueName('Operator words');
    writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start' },
      { type: 'core.filter', name: 'Big orders', position: { x: 260, y: 0 }, params: { when: { mode: 'rules', conditions: [{ value1: '{{ $json.amount }}', operator: 'gt', value2: 100 }], combine: 'and', ignoreCase: false } } },
    ], ['Start -> Big orders'], { id: `f_opwords_${Date.now().toString(36)}`, name }));
    const { page } = app();
    await openFlow(page, name);
    await selectNode(page, 'Big orders');
    const select = page.getByTestId('input-when.conditions.0.operator');
    expect(await select.inputValue()).toBe('gt');
    expect(await select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0].textContent)).toBe('is greater than');
    const labels = await select.locator('option').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['is equal to', 'contains', 'matches pattern', 'does not exist']));
    expect(labels).not.toContain('gt');
    await screenshotThemes(page, 'operator-phrases');
  });

  it('names problems by node and field label, and underlines the character of a syntax error', async () => {
    const name = uniqueName('Bad expression');
    writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start' },
      { type: 'core.noop', name: 'Pass', position: { x: 260, y: 0 } },
      { type: 'core.set', name: 'Totals', position: { x: 520, y: 0 }, params: { fields: [{ name: 'total', value: BAD }] } },
    ], ['Start -> Pass', 'Pass -> Totals'], { id: `f_badexpr_${Date.now().toString(36)}`, name }));
    const { page } = app();
    await openFlow(page, name);
    const count = page.getByTestId('problem-count');
    await expect.poll(() => count.getAttribute('data-count')).toBe('1');
    await count.click();
    await expectText(page.locator('.problem-item .problem-where'), '“Totals” › Fields › #1 › Value');
    await page.keyboard.press('Escape');

    // The run refuses to start and says why in the same words.
    await page.getByTestId('run-flow').click();
    await page.getByTestId('run-error').locator('summary').click();
    await expectText(page.getByTestId('run-error-full'), /“Totals” › Fields › #1 › Value: /);
    const shown = await page.locator('body').innerText();
    expect(shown).not.toMatch(/\$\.nodes|nodes\[\d+\]|params\.fields/);

    await selectNode(page, 'Totals');
    const editor = await focusMonaco(page.getByTestId('expr-fields.0.value'));
    const squiggle = editor.locator('.squiggly-error');
    await squiggle.first().waitFor();
    // The marker sits on the closing braces, where the expression ended too early: column of "}}" after the "+ ".
    // Monaco may redraw the line between two reads: measure again until the marker and the line are both there.
    const columnOfMark = async () => {
      try {
        const [mark, line] = await Promise.all([squiggle.first().boundingBox(), editor.locator('.view-line').first().boundingBox()]);
        const charWidth = await editor.locator('.view-line span').first().evaluate((el) => el.getBoundingClientRect().width / (el.textContent?.length || 1));
        return mark && line ? Math.round((mark.x - line.x) / charWidth) : -1;
      } catch {
        return -1;
      }
    };
    await expect.poll(columnOfMark, { timeout: 10_000 }).toBeGreaterThanOrEqual(BAD.indexOf('+') + 1);
    expect(await columnOfMark()).toBeLessThanOrEqual(BAD.indexOf('}}'));
    await screenshotThemes(page, 'expression-marker');
    expect(app().errors).toEqual([]);
  });
});
