/**
 * Issue 12.10 in the browser: muted text, the top bar's quiet labels and the primary button
 * meet WCAG AA (4.5:1) as rendered in both themes, and the pin mark is drawn, not an emoji
 * that shows as a box without an emoji font. (styles/contrast.test.ts checks every token pair.)
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../fixtures/flow-builder';
import { e2e, expectAttr, node, openFlow, screenshotThemes, uniqueName, useApp } from './harness';
import { writeFlowFile } from './serve';

/** Contrast of each matching element's text against the first opaque background behind it. */
const renderedContrast = (page: Page, selector: string) => page.$$eval(selector, (els) => {
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = ([r, g, b]: number[]) => [r, g, b].map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; })
    .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
  return els.filter((el) => (el as HTMLElement).offsetParent && el.textContent?.trim()).map((el) => {
    let bg: number[] = [255, 255, 255];
    for (let at: Element | null = el; at; at = at.parentElement) {
      const c = rgb(getComputedStyle(at).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) { bg = c.slice(0, 3); break; }
    }
    const [x, y] = [lum(rgb(getComputedStyle(el).color)), lum(bg)].sort((a, b) => b - a);
    return { text: el.textContent!.trim().slice(0, 30), ratio: Math.round(((x + 0.05) / (y + 0.05)) * 100) / 100 };
  });
});

describe('contrast and glyphs', () => {
  const app = useApp();

  it('renders quiet text and the primary button at 4.5:1 or more in both themes, and a drawn pin mark', async () => {
    const name = uniqueName('Contrast flow');
    writeFlowFile(e2e().workspace, buildFlow([
      { type: 'trigger.manual', name: 'Start' },
      { type: 'core.noop', name: 'Pinned step' },
    ], ['Start -> Pinned step'], { id: `f_contrast_${Date.now().toString(36)}`, name, pinned: { 'Pinned step': [{ a: 1 }] } }));
    const { page } = app();
    await openFlow(page, name);
    const pin = node(page, 'Pinned step').locator('.node-pin');
    expect(await pin.locator('svg').count()).toBe(1);
    expect(await page.evaluate(() => /[\u{1F000}-\u{1FFFF}]/u.test(document.body.innerText))).toBe(false);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectAttr(page.locator('html'), 'data-theme', scheme);
      await page.waitForTimeout(200);
      const found = await renderedContrast(page, '.save-state, .topbar-ok, .palette-desc, .palette-heading, .node-type, .btn-primary, .crumb, .react-flow__attribution a');
      expect(found.length).toBeGreaterThan(5);
      for (const f of found) expect(f.ratio, `${scheme}: "${f.text}"`).toBeGreaterThanOrEqual(4.5);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshotThemes(page, 'editor-contrast');
    expect(app().errors).toEqual([]);
  });
});
