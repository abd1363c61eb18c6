import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Item } from '../sdk/types';
import { createCodeRunner, createQuickJsSandbox } from './index';

// Every test here uses the same sandbox, and after each one a normal run must still work.
const sandbox = createQuickJsSandbox();
const runner = createCodeRunner(sandbox);
afterAll(() => sandbox.close());

const run = (code: string, opts: { timeoutMs?: number; memoryMb?: number; signal?: AbortSignal; rows?: Record<string, unknown>[] } = {}) =>
  runner.run(code, (opts.rows ?? []).map((json): Item => ({ json })), {
    timeoutMs: opts.timeoutMs ?? 5_000,
    memoryMb: opts.memoryMb ?? 64,
    signal: opts.signal ?? new AbortController().signal,
  });
/** How a run failed and how long it took to fail. */
const timed = async (p: Promise<unknown>) => {
  const start = performance.now();
  const error = await p.then(() => undefined, (e: unknown) => e);
  return { error, ms: performance.now() - start };
};

afterEach(async () => {
  const out = await run('return items.map(i => ({ doubled: i.json.n * 2 }))', { rows: [{ n: 21 }] });
  expect(out.items.map((i) => i.json)).toEqual([{ doubled: 42 }]);
});

describe('Code sandbox isolation', () => {
  it('keeps the host process out of reach through the Function constructor', async () => {
    await expect(run("return [{ p: this.constructor.constructor('return process')() }]"))
      .rejects.toMatchObject({ code: 'code.error', message: expect.stringContaining("'process' is not defined") });
  });

  it('yields only the guest global from a constructor chain', async () => {
    const out = await run(`const g = ({}).constructor.constructor('return globalThis')();
      return [{ process: typeof g.process, require: typeof g.require, names: Object.getOwnPropertyNames(g).filter(k => /^(process|require|module|Buffer|fetch|setTimeout|std|os|WebAssembly)$/.test(k)) }]`);
    expect(out.items[0].json).toEqual({ process: 'undefined', require: 'undefined', names: [] });
  });

  it('has no require and no module loading', async () => {
    const out = await run('return [{ require: typeof require, module: typeof module }]');
    expect(out.items[0].json).toEqual({ require: 'undefined', module: 'undefined' });
    await expect(run("const fs = await import('fs'); return [{ read: typeof fs.readFileSync }]")).rejects.toMatchObject({ code: 'code.error' });
  });

  it('keeps prototype pollution inside one run and out of the host', async () => {
    const first = await run('Object.prototype.polluted = 1; Array.prototype.evil = 2; return [{ seen: ({}).polluted }]');
    expect(first.items[0].json).toEqual({ seen: 1 });
    expect(Object.keys(Object.getPrototypeOf(first.items[0].json) as object)).toEqual([]);
    const next = await run('return [{ polluted: typeof ({}).polluted, evil: typeof [].evil }]');
    expect(next.items[0].json).toEqual({ polluted: 'undefined', evil: 'undefined' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a patched JSON from reaching the next run or its own result', async () => {
    const out = await run('JSON.parse = () => 1; JSON.stringify = () => "\\"hacked\\""; return [{ a: 1 }]');
    expect(out.items[0].json).toEqual({ a: 1 });
    const next = await run('return [{ n: JSON.parse("[7]")[0], input: items[0].json.k }]', { rows: [{ k: 'v' }] });
    expect(next.items[0].json).toEqual({ n: 7, input: 'v' });
  });

  it('treats Error.prepareStackTrace as an ordinary property', async () => {
    const err = await run('Error.prepareStackTrace = (e, frames) => frames.map(f => f.getThis());\nthrow new Error("x")').catch((e: Error) => e);
    expect(err).toMatchObject({ code: 'code.error', message: 'Error: x (line 2)' });
  });

  it('gives the host plain data even when the result has getters and toJSON', async () => {
    const out = await run(`let calls = 0;
      return [{ get a() { calls++; return calls }, b: { toJSON() { return 'B' } }, c: () => 1, d: undefined, e: new Date(0) }]`);
    const json = out.items[0].json;
    expect(json).toEqual({ a: 1, b: 'B', e: '1970-01-01T00:00:00.000Z' });
    expect(Object.getOwnPropertyDescriptor(json, 'a')).toMatchObject({ value: 1, writable: true });
  });

  it('has no Atomics to block the thread with', async () => {
    await expect(run('const sab = new SharedArrayBuffer(16); Atomics.wait(new Int32Array(sab), 0, 0); return []', { timeoutMs: 1_000 }))
      .rejects.toMatchObject({ code: expect.stringMatching(/^code\.(error|timeout)$/) });
  });
});

// What these prove is "stopped near the deadline, not hung": the slack absorbs a busy CI machine.
const SLACK_MS = 1_500;

describe('Code sandbox limits', () => {
  it('stops an infinite loop at the deadline', async () => {
    const { error, ms } = await timed(run('while (true) {}', { timeoutMs: 500 }));
    expect(error).toMatchObject({ code: 'code.timeout', message: 'The Code node ran longer than 500 ms and was stopped' });
    expect(ms).toBeLessThan(500 + SLACK_MS);
  });

  it('stops a long native call that never checks the interrupt handler', async () => {
    // JSON.stringify of deeply nested arrays runs for seconds inside one native call.
    const { error, ms } = await timed(run('let a = []; for (let i = 0; i < 200000; i++) a = [a]; return [{ s: JSON.stringify(a) }]', { timeoutMs: 1_000 }));
    expect(error).toMatchObject({ code: 'code.timeout' });
    expect(ms).toBeLessThan(1_000 + SLACK_MS);
  });

  it('turns infinite recursion into a clean error', async () => {
    await expect(run('function f() { return f() + 1 }\nreturn [{ v: f() }]')).rejects.toMatchObject({ code: 'code.error', message: expect.stringContaining('stack overflow') });
  });

  it('stops a huge string quickly', async () => {
    const { error, ms } = await timed(run("return [{ n: 'x'.repeat(2 ** 29).length }]"));
    expect(error).toMatchObject({ code: 'code.memory', message: 'The Code node used more than 64 MB' });
    expect(ms).toBeLessThan(2_000 + SLACK_MS);
  });

  it('stops an ever-growing array', async () => {
    // About 1.5 s to fill 64 MB on an idle machine; a busy one may reach the deadline first.
    const { error, ms } = await timed(run('const a = []; while (true) a.push({ n: a.length, s: "row " + a.length }); return []', { timeoutMs: 4_000 }));
    expect(error).toMatchObject({ code: expect.stringMatching(/^code\.(memory|timeout)$/) });
    expect(ms).toBeLessThan(4_000 + SLACK_MS);
  });

  it('refuses input larger than the memory limit before starting', async () => {
    const rows = [{ blob: 'x'.repeat(9 * 1024 * 1024) }];
    await expect(run('return items', { rows, memoryMb: 8 })).rejects.toMatchObject({ code: 'code.memory', message: expect.stringContaining('do not fit') });
  });

  it('cancels a running guest when the signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const { error, ms } = await timed(run('while (true) {}', { timeoutMs: 10_000, signal: controller.signal }));
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(ms).toBeLessThan(200 + SLACK_MS);
  });

  it('rejects at once when the signal has already fired', async () => {
    await expect(run('return []', { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('queues concurrent runs on one sandbox', async () => {
    const outs = await Promise.all([1, 2, 3].map((n) => run(`return [{ n: ${n} }]`)));
    expect(outs.map((o) => o.items[0].json.n)).toEqual([1, 2, 3]);
  });
});
