// Issue 11: with a hostile flow running in `junction serve`, another client gets answers within
// 100 ms, Cancel stops the run within 1 s, an out-of-memory ends only the run, and a hostile
// preview never blocks. Over the real WebSocket, against the built server; no browser needed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ApiEvent } from '../../engine/api';
import { codeFlow, HUGE_NFKD, setFlow, SLOW_DATE, SPIN_CODE } from '../fixtures/hostile-flows';
import { startServe, tempDirs, type Serve } from './serve';

let serve: Serve;
let dirs: ReturnType<typeof tempDirs>;

beforeAll(async () => {
  dirs = tempDirs('hostile');
  const before = process.env.JUNCTION_RUN_MEMORY_MB;
  process.env.JUNCTION_RUN_MEMORY_MB = '256'; // the server inherits it: the memory test needs seconds, not minutes
  try { serve = await startServe(dirs); } finally {
    if (before === undefined) delete process.env.JUNCTION_RUN_MEMORY_MB; else process.env.JUNCTION_RUN_MEMORY_MB = before;
  }
});
afterAll(async () => { await serve?.stop(); dirs?.remove(); });

interface Client { call(method: string, input: unknown): Promise<{ ok: boolean; output?: any; error?: any }>; next(match: (e: ApiEvent) => boolean): Promise<ApiEvent>; close(): void }

async function client(): Promise<Client> {
  const token = new URL(serve.url).hash.replace(/^#token=/, '');
  const ws = new WebSocket(`ws://127.0.0.1:${serve.port}/api?token=${encodeURIComponent(decodeURIComponent(token))}`);
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  const replies = new Map<number, (m: any) => void>();
  const events: ApiEvent[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (d) => {
    const m = JSON.parse(String(d));
    if (m.event) { events.push(m.event); for (const w of [...waiters]) w(); } else replies.get(m.id)?.(m);
  });
  let id = 0;
  return {
    call: (method, input) => new Promise((resolve) => { const mine = ++id; replies.set(mine, resolve); ws.send(JSON.stringify({ id: mine, method, input })); }),
    next: (match) => new Promise((resolve) => {
      const check = () => { const e = events.find(match); if (e) { waiters.delete(check); resolve(e); } };
      waiters.add(check);
      check();
    }),
    close: () => ws.close(),
  };
}

/**
 * The median of five answers to `workspace.info`, in ms. The median, not the slowest: on a machine
 * shared by many jobs one answer can wait for a core, while a blocked engine makes every answer wait.
 */
async function answerMs(c: Client): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    expect((await c.call('workspace.info', {})).ok).toBe(true);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[2]!;
}

const finished = (runId: string) => (e: ApiEvent) => e.type === 'run.finished' && e.runId === runId;
const nodeStarted = (runId: string, nodeId: string) => (e: ApiEvent) => e.type === 'node.started' && e.runId === runId && e.nodeId === nodeId;

describe('junction serve with a hostile flow', () => {
  for (const [label, flow, busyNode] of [
    ['a Code node that never returns (slow by construction)', codeFlow('f_spin', SPIN_CODE), 'c'],
  ] as const) {
    it(`answers another client within 100 ms during ${label}, and Cancel stops it within 1 s`, async () => {
      const editor = await client();
      const other = await client();
      const started = await editor.call('runs.start', { flow, mode: 'flow' });
      expect(started.ok).toBe(true);
      const { runId } = started.output;
      await editor.next(nodeStarted(runId, busyNode));
      await new Promise((r) => setTimeout(r, 300)); // well inside the busy node
      expect(await answerMs(other)).toBeLessThan(100);
      const t0 = performance.now();
      expect(await editor.call('runs.cancel', { runId })).toMatchObject({ ok: true, output: { cancelled: true } });
      const end = await editor.next(finished(runId));
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(end).toMatchObject({ status: 'cancelled' });
      editor.close();
      other.close();
    });
  }

  it('ends a run that exhausts memory with a clear error and keeps serving', async () => {
    const editor = await client();
    const { output } = await editor.call('runs.start', { flow: setFlow('f_nfkd', HUGE_NFKD), mode: 'flow' });
    await editor.next(nodeStarted(output.runId, 's'));
    expect(await answerMs(editor)).toBeLessThan(100);
    const end = await editor.next(finished(output.runId)) as Extract<ApiEvent, { type: 'run.finished' }>;
    expect(end.status).toBe('failed');
    // A sentence (maybe naming the item), whichever limit stops it first; never a stack trace.
    expect(end.error?.message).toMatch(/^(item \d+: )?[A-Z"]/);
    expect(end.error?.message).not.toMatch(/\n\s+at /);
    const detail = await editor.call('runs.get', { runId: output.runId });
    expect(detail).toMatchObject({ ok: true, output: { status: 'failed' } });
    expect(await answerMs(editor)).toBeLessThan(100);
    editor.close();
  }, 90_000);

  it('answers other requests while a hostile preview runs, and stops the preview within its deadline', async () => {
    const editor = await client();
    const other = await client();
    const t0 = performance.now();
    const preview = editor.call('expr.preview', { flow: setFlow('f_preview', '{{ 1 }}'), nodeId: 's', expression: SLOW_DATE });
    await new Promise((r) => setTimeout(r, 300));
    expect(await answerMs(other)).toBeLessThan(100);
    expect((await preview).ok).toBe(true);
    expect(performance.now() - t0).toBeLessThan(3500);
    editor.close();
    other.close();
  });
});
