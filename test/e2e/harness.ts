/**
 * What the end-to-end files share: a page in the shared Chromium, and the things a person
 * does in the editor (open a flow, drag from the palette, wire two ports, fill a field,
 * pick a completion, run) written once with real mouse and keyboard input.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import type { E2eContext } from './global-setup';

export const ARTIFACTS = resolve(__dirname, '../../artifacts');
/** Long enough for a busy 2-core CI machine, short enough that a hang fails fast. */
export const STEP_MS = 15_000;

export interface App {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page; a test ends by checking there were none. */
  errors: string[];
  close(): Promise<void>;
}

/** The shared server and browser from global-setup.ts; throws its reason when they could not start. */
export function e2e(): E2eContext {
  const ctx = inject('e2e');
  if (ctx.error) throw new Error(`End-to-end set-up failed: ${ctx.error}`);
  return ctx;
}

/** A fresh browser context (own storage, 1440×900) on the app, with the flows list shown. */
export async function openApp(url = e2e().url): Promise<App> {
  const browser = await chromium.connect(e2e().wsEndpoint);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  context.setDefaultTimeout(STEP_MS);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.getByTestId('rail-flows').waitFor();
  return { browser, context, page, errors, close: async () => { await context.close(); await browser.close(); } };
}

/**
 * Opens the app once for a describe block and closes it after. A set-up failure (no
 * Chromium, no server) is thrown by every test that asks for the app, so each one fails
 * with the reason instead of being skipped.
 */
export function useApp(): () => App {
  let app: App | undefined;
  let failure: unknown;
  beforeAll(async () => {
    try { app = await openApp(); } catch (e) { failure = e; }
  });
  afterEach(async (ctx) => {
    // What the page looked like when a test failed, for whoever reads the CI log.
    if (app && ctx.task.result?.state === 'fail') await screenshot(app.page, `failed-${ctx.task.name.replace(/\W+/g, '-').slice(0, 60)}.png`).catch(() => undefined);
  });
  afterAll(async () => { await app?.close(); });
  return () => {
    if (!app) throw failure ?? new Error('the app did not open');
    return app;
  };
}

/** A name no other file or earlier run of the suite uses. */
export const uniqueName = (label: string) => `${label} ${Math.random().toString(36).slice(2, 7)}`;

export const node = (page: Page, name: string) => page.getByTestId(`node-${name}`);

/** Waits until the locator's text matches (Playwright locators do not retry inside vitest's expect). */
export async function expectText(locator: Locator, text: string | RegExp, timeout = STEP_MS) {
  await expect.poll(async () => (await locator.textContent({ timeout })) ?? '', { timeout }).toMatch(text);
}

export async function expectAttr(locator: Locator, name: string, value: string | null, timeout = STEP_MS) {
  await expect.poll(() => locator.getAttribute(name, { timeout }), { timeout }).toBe(value);
}

export async function expectCount(locator: Locator, n: number, timeout = STEP_MS) {
  await expect.poll(() => locator.count(), { timeout }).toBe(n);
}

/** The editor's canvas is on screen and the node catalog has loaded. */
export async function waitForEditor(page: Page) {
  await page.locator('.react-flow__pane').waitFor();
  await page.locator('.palette-entry').first().waitFor();
}

/** Flows screen → New flow → rename it in the top bar; the editor stays open. */
export async function createFlow(page: Page, name: string) {
  await page.getByTestId('rail-flows').click();
  await page.getByTestId('new-flow').click();
  await waitForEditor(page);
  await page.getByTestId('flow-name').click();
  await page.getByTestId('flow-name-input').fill(name);
  await page.keyboard.press('Enter');
  await expectText(page.getByTestId('flow-name'), name);
  await waitForSaved(page);
}

/** Flows screen → click the flow's row → the editor. */
export async function openFlow(page: Page, name: string) {
  await page.getByTestId('rail-flows').click();
  await page.getByTestId(`flow-row-${name}`).click();
  await waitForEditor(page);
  await expectText(page.getByTestId('flow-name'), name);
}

/** Autosave (or Ctrl+S) has written the flow: no dirty marker, nothing saving. */
export async function waitForSaved(page: Page) {
  await page.getByTestId('dirty-marker').waitFor({ state: 'hidden' });
  await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).not.toBe('saving');
}

const centre = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error(`${l} has no box on screen`);
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};

/**
 * Drags a palette entry with the real mouse (an HTML5 drag, which Chromium turns into
 * dragstart/dragover/drop carrying 'application/x-junction-node') and drops it at (x, y)
 * within the canvas pane; waits for the card.
 */
export async function dragFromPalette(page: Page, type: string, at: { x: number; y: number }, expectName: string) {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  const item = page.getByTestId(`palette-${type}`);
  await item.scrollIntoViewIfNeeded(); // the palette scrolls once it lists more nodes than fit
  const from = await centre(item);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 24, from.y + 4, { steps: 3 });
  await page.mouse.move(pane!.x + at.x, pane!.y + at.y, { steps: 10 });
  await page.mouse.up();
  await node(page, expectName).waitFor();
}

const handle = (page: Page, nodeName: string, kind: 'source' | 'target', port: string) =>
  node(page, nodeName).locator(`.react-flow__handle.${kind}[data-handleid="${port}"]`);

/** Presses on an output handle and lets go over an input handle, as a person wires two nodes. */
export async function connect(page: Page, from: string, to: string, fromPort = 'main', toPort = 'main') {
  const edges = await page.locator('.react-flow__edge').count();
  const a = await centre(handle(page, from, 'source', fromPort));
  const b = await centre(handle(page, to, 'target', toPort));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 20, { steps: 6 });
  await page.mouse.move(b.x, b.y, { steps: 6 });
  await page.mouse.up();
  await expectCount(page.locator('.react-flow__edge'), edges + 1);
}

/** Whether the locator's box lies inside the canvas pane (not clipped off or under a side panel). */
async function isOnCanvas(page: Page, l: Locator): Promise<boolean> {
  const [pane, box] = await Promise.all([page.locator('.react-flow__pane').boundingBox(), l.boundingBox()]);
  return !!pane && !!box && box.x >= pane.x && box.y >= pane.y && box.x + box.width <= pane.x + pane.width && box.y + box.height <= pane.y + pane.height;
}

/** Clicks a card's title (not a handle) to select it, fitting the view first if it is off screen; the inspector opens on it. */
export async function selectNode(page: Page, name: string) {
  const title = node(page, name).locator('.node-name');
  if (!(await isOnCanvas(page, title))) {
    await page.getByTestId('fit-view').click();
    await expect.poll(() => isOnCanvas(page, title)).toBe(true);
  }
  await title.click();
  await expectAttr(node(page, name), 'data-selected', 'true');
  await page.getByTestId('inspector').locator('.insp-title', { hasText: name }).waitFor();
}

/** Types into a plain field of the inspector (text, number, field path). */
export async function fillField(page: Page, path: string, value: string) {
  const input = page.getByTestId(`input-${path}`);
  await input.fill(value);
  await expect.poll(() => input.inputValue()).toBe(value);
}

export async function chooseOption(page: Page, path: string, value: string) {
  await page.getByTestId(`input-${path}`).selectOption(value);
}

/** The text a Monaco editor shows (its lines joined), with Monaco's no-break spaces made plain. */
export async function monacoText(editor: Locator): Promise<string> {
  const text = await editor.locator('.view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** Clicks into a Monaco editor (created on click) and waits until it has the keyboard. */
export async function focusMonaco(container: Locator): Promise<Locator> {
  await container.click();
  const editor = container.locator('.monaco-editor');
  await editor.waitFor();
  await expect.poll(() => editor.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  return editor;
}

/** Replaces the code of a Code node: select all, then type the new code (one line, as typed keys would auto-close brackets). */
export async function setCode(page: Page, code: string) {
  const editor = await focusMonaco(page.getByTestId('input-code'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
  await expect.poll(() => monacoText(editor)).toBe(code);
}

/**
 * Types `typed` into an expression field, waits for Monaco's suggestion list to offer
 * `pick`, moves to it with the arrow keys and accepts it with Enter.
 */
export async function pickCompletion(page: Page, path: string, typed: string, pick: string) {
  const editor = await focusMonaco(page.getByTestId(`expr-${path}`));
  await page.keyboard.type(typed, { delay: 15 });
  const rows = page.locator('.suggest-widget.visible .monaco-list-row');
  const labels = () => rows.locator('.label-name').allTextContents();
  await expect.poll(labels, { timeout: STEP_MS }).toContain(pick);
  for (let i = 0; i < 20; i++) {
    const focused = await page.locator('.suggest-widget.visible .monaco-list-row.focused .label-name').textContent();
    if (focused === pick) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await page.locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
  return editor;
}

/** Presses Run flow in the top bar and waits for the run to end; returns the status chip's text. */
export async function runFlow(page: Page, expected: 'success' | 'failed' = 'success'): Promise<string> {
  await page.getByTestId('run-flow').click();
  return waitForRun(page, expected);
}

export async function waitForRun(page: Page, expected: 'success' | 'failed' = 'success'): Promise<string> {
  const chip = page.getByTestId('run-status');
  await expect.poll(async () => (await chip.getAttribute('data-status')) ?? 'none', { timeout: 30_000 }).not.toMatch(/^(running|none)$/);
  const text = (await chip.textContent()) ?? '';
  expect(await chip.getAttribute('data-status'), `run ended: ${text}`).toBe(expected);
  return text;
}

/** The data panel's table as rows of cell texts (header first), for the rows on screen. */
export async function tableRows(page: Page): Promise<string[][]> {
  const table = page.getByTestId('dp-table');
  await table.locator('[role="gridcell"]').first().waitFor();
  const head = await table.locator('[role="columnheader"]').allTextContents();
  const rows = await table.locator('[role="row"][data-testid^="dp-row-"]').evaluateAll((els) =>
    els.sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
      .map((r) => [...r.children].map((c) => c.textContent ?? '')));
  return [head, ...rows];
}

/** A full-window PNG in artifacts/ (git-ignored) for a person to look at. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name) });
}

/** The same screen in both themes (`<name>-light.png`, `<name>-dark.png`); the app follows the OS scheme unless told otherwise. */
export async function screenshotThemes(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAttr(page.locator('html'), 'data-theme', scheme);
    await page.waitForTimeout(150); // theme transitions settle
    await screenshot(page, `${name}-${scheme}.png`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
