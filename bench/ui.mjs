// The editor's speed in Chromium, through `junction serve` (built dist/ needed: node build/build.mjs):
//   (a) a 500-node flow opens: from the route change until every card is on screen;
//   (b) pan and zoom: frame times while the canvas is dragged and wheel-zoomed for ~2 s;
//   (c) a 100,000-item output: from the click on the node until the table shows its first rows
//       and the count "100,000 items";
//   (d) a 500-node run: from the engine's run.finished time stamp until the run chip says
//       Succeeded and every card on screen shows its outcome (the editor's lag behind the engine).
// Prints min and median of BENCH_RUNS (3) for each. A measurement, not a test: nothing fails.
//   node bench/ui.mjs            or   import { benchUi } from './bench/ui.mjs'
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TARGETS = { openMs: 1500, frameMs: 1000 / 60, tableMs: 1000, runLagMs: 500 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const ms = (x) => `${x.toFixed(0)} ms`;

/** A chain of 500 nodes in a snake of rows: trigger, then Edit Fields and No Operation by turns. */
export function bigFlow(n = 500, perRow = 25) {
  const nodes = Array.from({ length: n }, (_, i) => {
    const row = Math.floor(i / perRow);
    const col = row % 2 ? perRow - 1 - (i % perRow) : i % perRow;
    const base = { id: `n${i}`, version: 1, name: `Step ${i}`, position: { x: col * 320, y: row * 220 } };
    if (i === 0) return { ...base, type: 'trigger.manual', name: 'Start', params: {} };
    return i % 2
      ? { ...base, type: 'core.set', params: { mode: 'merge', fields: [{ name: `f${i}`, value: `{{ $json.n ?? ${i} }}` }] } }
      : { ...base, type: 'core.noop', params: {} };
  });
  const edges = nodes.slice(1).map((nd, i) => ({ id: `e${i}`, from: { node: `n${i}`, port: 'main' }, to: { node: nd.id, port: 'main' } }));
  return { format: 'junction/flow@1', id: 'f_bench_500', name: 'Bench 500 nodes', nodes, edges, settings: {}, pinned: {}, notes: [] };
}

export function hundredThousandFlow() {
  const code = "const countries = ['DE', 'US', 'FR', 'JP', 'BR'];\n"
    + 'const out = [];\n'
    + 'for (let i = 0; i < 100000; i++) out.push({ json: { id: i, name: `Customer ${i}`, email: `c${i}@example.test`, amount: (i * 37) % 1000, country: countries[i % 5] } });\n'
    + 'return out;';
  return {
    format: 'junction/flow@1', id: 'f_bench_100k', name: 'Bench 100k items', settings: {}, pinned: {}, notes: [],
    nodes: [
      { id: 'start', type: 'trigger.manual', version: 1, name: 'Start', position: { x: 0, y: 0 }, params: {} },
      { id: 'make', type: 'core.code', version: 1, name: 'Make items', position: { x: 300, y: 0 }, params: { code, timeoutMs: 60000, memoryMb: 512 } },
    ],
    edges: [{ id: 'e1', from: { node: 'start', port: 'main' }, to: { node: 'make', port: 'main' } }],
  };
}

async function startServe(workspace, dataDir) {
  const child = spawn(process.execPath, [join(root, 'bin/junction.mjs'), 'serve', '--port', '0', '--workspace', workspace, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const url = await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`junction serve printed no URL in 20 s: ${err}`)), 20_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Junction is running at (\S+)/.exec(out);
      if (m) { clearTimeout(timer); done(m[1]); }
    });
    child.once('exit', (code) => { clearTimeout(timer); fail(new Error(`junction serve exited with ${code}: ${err}`)); });
  });
  child.stdout.resume();
  return { url, stop: () => new Promise((done) => { child.once('exit', done); child.kill('SIGTERM'); }) };
}

/** (a) From setting the route until all cards are measured and visible, plus the frame that paints them. */
async function openBigFlow(page, flowId, count) {
  await page.evaluate(() => { location.hash = '#/flows'; });
  await page.getByTestId('flows-table').waitFor();
  return page.evaluate(async ({ id, n }) => {
    const t0 = performance.now();
    location.hash = `#/flow/${id}`;
    const shown = () => {
      const wrappers = document.querySelectorAll('.react-flow__node-card');
      if (wrappers.length < n) return false;
      for (const w of wrappers) if (w.style.visibility === 'hidden') return false;
      return true;
    };
    await new Promise((done) => { const tick = () => (shown() ? done() : requestAnimationFrame(tick)); tick(); });
    await new Promise((done) => requestAnimationFrame(() => done()));
    return performance.now() - t0;
  }, { id: flowId, n: count });
}

/** A point on the empty canvas (not on a card), for a drag that pans. */
async function emptyPanePoint(page) {
  return page.evaluate(() => {
    const r = document.querySelector('.react-flow__pane').getBoundingClientRect();
    for (let y = r.top + r.height * 0.3; y < r.bottom - 40; y += 7) {
      for (let x = r.left + r.width * 0.3; x < r.right - 40; x += 7) {
        const el = document.elementFromPoint(x, y);
        if (el?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return { x: r.left + 10, y: r.top + 10 };
  });
}

// Page globals get a long prefix: d3 (inside xyflow) keeps its listeners in `window.__on`.
const startFrames = (page) => page.evaluate(() => {
  const rec = { frames: [], on: true };
  window.__junctionBenchFrames = rec;
  let last;
  const tick = (t) => { if (last !== undefined) rec.frames.push(t - last); last = t; if (rec.on) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
});
const stopFrames = (page) => page.evaluate(() => { window.__junctionBenchFrames.on = false; return window.__junctionBenchFrames.frames; });
const viewport = (page) => page.evaluate(() => document.querySelector('.react-flow__viewport').style.transform);

/**
 * (b) Frame times (requestAnimationFrame deltas) while the canvas is dragged for ~1 s, then
 * wheel-zoomed in and out for ~1 s. Each input waits for the page to take it, as a hand
 * would not outrun the screen either.
 */
async function panAndZoom(page) {
  const start = await emptyPanePoint(page);
  const before = await viewport(page);
  await startFrames(page);
  let t0 = Date.now();
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; Date.now() - t0 < 1000; i++) await page.mouse.move(start.x + Math.sin(i / 12) * 220, start.y + Math.cos(i / 12) * 140 - 140);
  await page.mouse.up();
  const pan = await stopFrames(page);
  const panned = await viewport(page);
  await startFrames(page);
  t0 = Date.now();
  for (let i = 0; Date.now() - t0 < 1000; i++) await page.mouse.wheel(0, (Math.floor(i / 10) % 2 ? 1 : -1) * 60);
  const zoom = await stopFrames(page);
  if (panned === before || (await viewport(page)) === panned) throw new Error(`the canvas did not move (${before} → ${panned})`);
  return { pan: frameStats(pan), zoom: frameStats(zoom), all: frameStats([...pan, ...zoom]) };
}

// rAF deltas come in multiples of the 16.7 ms vsync with a little jitter: "over 16.7 ms" counts
// frames that missed at least one vsync (> 20 ms), "over 33 ms" those that missed two (> 36 ms).
function frameStats(frames) {
  return {
    frames: frames.length,
    medianMs: median(frames),
    p95Ms: quantile(frames, 0.95),
    over16: frames.filter((f) => f > 20).length / frames.length,
    over33: frames.filter((f) => f > 36).length / frames.length,
  };
}

/**
 * Notes the engine's time stamp of each run.finished the page receives (same machine, same
 * clock), before the app's own handlers see the message.
 */
const watchRunFinished = () => {
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (typeof e.data !== 'string' || !e.data.includes('"run.finished"')) return;
        const m = /"type":"run\.finished"[^}]*?"at":"([^"]+)"|"at":"([^"]+)"[^}]*?"type":"run\.finished"/.exec(e.data);
        if (m) window.__junctionBenchRunFinishedAt = Date.parse(m[1] ?? m[2]);
      });
    }
  };
};

/** (d) Runs the open flow; ms from the engine's run.finished until the chip and every card on screen show the outcome. */
async function runLag(page) {
  await page.evaluate(() => { window.__junctionBenchRunFinishedAt = undefined; });
  const shown = page.evaluate(() => new Promise((done) => {
    const settled = () => {
      if (document.querySelector('[data-testid="run-status"]')?.getAttribute('data-status') !== 'success') return false;
      return ![...document.querySelectorAll('.node-card')].some((c) => c.getAttribute('data-status') !== 'success');
    };
    const tick = () => (window.__junctionBenchRunFinishedAt !== undefined && settled()
      ? requestAnimationFrame(() => done(Date.now() - window.__junctionBenchRunFinishedAt))
      : requestAnimationFrame(tick));
    tick();
  }));
  await page.getByTestId('run-flow').click();
  const lag = await shown;
  const chip = await page.getByTestId('run-status').textContent();
  return { lag, engine: chip.split('·')[1]?.trim() ?? '' };
}

/** (c) From the press on the node until the table's first row and the count "100,000 items" are on screen. */
async function openBigTable(page, nodeName) {
  await page.keyboard.press('Escape');
  await page.getByTestId('data-panel').waitFor({ state: 'detached' });
  const done = page.evaluate(() => new Promise((resolveDone) => {
    let t0;
    document.addEventListener('pointerdown', () => { t0 = performance.now(); }, { once: true, capture: true });
    const ready = () => document.querySelector('[data-testid="dp-row-0"] [role="gridcell"]')
      && /100,000 items/.test(document.querySelector('[data-testid="dp-count"]')?.textContent ?? '');
    const tick = () => {
      if (t0 !== undefined && ready()) requestAnimationFrame(() => resolveDone(performance.now() - t0));
      else requestAnimationFrame(tick);
    };
    tick();
  }));
  await page.getByTestId(`node-${nodeName}`).locator('.node-name').click();
  return done;
}

export async function benchUi({ runs = Number(process.env.BENCH_RUNS ?? 3), log = console.log } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  if (!existsSync(join(root, 'dist/renderer/index.html'))) throw new Error('dist/renderer is missing: run node build/build.mjs first');
  const tmp = mkdtempSync(join(tmpdir(), 'junction-bench-ui-'));
  const workspace = join(tmp, 'workspace');
  mkdirSync(join(workspace, 'flows'), { recursive: true });
  const big = bigFlow();
  writeFileSync(join(workspace, 'flows/bench-500-nodes.flow.json'), JSON.stringify(big, null, 2));
  writeFileSync(join(workspace, 'flows/bench-100k-items.flow.json'), JSON.stringify(hundredThousandFlow(), null, 2));
  const serve = await startServe(workspace, join(tmp, 'data'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const results = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(60_000);
    await page.addInitScript(watchRunFinished);
    await page.goto(serve.url);
    await page.getByTestId('flows-table').waitFor();
    log(`Junction UI benchmarks — Chromium ${browser.version()}, 1440×900, ${runs} runs each\n`);

    const open = [];
    for (let i = 0; i < runs; i++) open.push(await openBigFlow(page, big.id, big.nodes.length));
    results.open500 = open;
    log(`(a) 500-node flow opens, route to all cards shown   min ${ms(Math.min(...open)).padStart(8)}  median ${ms(median(open)).padStart(8)}   target < ${TARGETS.openMs} ms`);

    const pz = [];
    for (let i = 0; i < runs; i++) pz.push(await panAndZoom(page));
    results.panZoom = pz;
    const pct = (x) => `${(x * 100).toFixed(0)} %`;
    const line = (label, key) => {
      const of = (k) => pz.map((r) => r[key][k]);
      const mm = (k, f) => `min ${f(Math.min(...of(k)))}  median ${f(median(of(k)))}`;
      const num = (x) => `${x.toFixed(1)} ms`;
      log(`    ${label.padEnd(14)} frame median ${mm('medianMs', num)}   p95 ${mm('p95Ms', num)}`);
      log(`    ${''.padEnd(14)} frames over 16.7 ms ${mm('over16', pct)}   over 33 ms ${mm('over33', pct)}   (${of('frames').join(', ')} frames)`);
    };
    log('(b) pan and zoom on the 500-node flow, ~1 s each        target 60 fps: frames of 16.7 ms');
    line('pan (drag)', 'pan');
    line('zoom (wheel)', 'zoom');
    line('both', 'all');

    const lags = [];
    for (let i = 0; i < runs; i++) lags.push(await runLag(page));
    results.runLag500 = lags.map((r) => r.lag);
    log(`(d) 500-node run: engine done → result on screen   min ${ms(Math.min(...results.runLag500)).padStart(8)}  median ${ms(median(results.runLag500)).padStart(8)}   target < ${TARGETS.runLagMs} ms   (engine ${lags.map((r) => r.engine).join(', ')})`);

    await page.evaluate(() => { location.hash = '#/flows'; });
    await page.getByTestId('flow-row-Bench 100k items').click();
    await page.getByTestId('run-flow').click();
    await page.locator('[data-testid="run-status"][data-status="success"]').waitFor({ timeout: 120_000 });
    const table = [];
    for (let i = 0; i < runs; i++) table.push(await openBigTable(page, 'Make items'));
    results.table100k = table;
    log(`(c) 100,000-item output opens in the table        min ${ms(Math.min(...table)).padStart(8)}  median ${ms(median(table)).padStart(8)}   target < ${TARGETS.tableMs} ms`);
  } finally {
    await browser.close();
    await serve.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchUi();
