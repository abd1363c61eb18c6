import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Item } from '../sdk/types';
import { CODE_BACKENDS } from './backends.testing';
import { createCodeRunner } from './index';

/** How a run failed and how long it took to fail. */
const timed = async (p: Promise<unknown>) => {
  const start = performance.now();
  const error = await p.then(() => undefined, (e: unknown) => e);
  return { error, ms: performance.now() - start };
};

// What these prove is "stopped near the deadline, not hung": the slack absorbs a busy CI machine.
const SLACK_MS = 5_000; // a bound on a hang, generous for a busy 2-core CI machine

describe.each(CODE_BACKENDS)('Code sandbox on %s', (_name, create) => {
  // Every test here uses the same sandbox, and after each one a normal run must still work.
  const sandbox = create();
  const runner = createCodeRunner(sandbox);
  afterAll(() => sandbox.close());

  const run = (code: string, opts: { timeoutMs?: number; memoryMb?: number; signal?: AbortSignal; rows?: Record<string, unknown>[] } = {}) =>
    runner.run(code, (opts.rows ?? []).map((json): Item => ({ json })), {
      timeoutMs: opts.timeoutMs ?? 5_000,
      memoryMb: opts.memoryMb ?? 64,
      signal: opts.signal ?? new AbortController().signal,
    });
  /** Runs each route to the host inside the guest and returns what each one yielded. */
  const probe = async (routes: string) => (await run(`const out = {};
    for (const [name, route] of Object.entries({ ${routes} })) {
      try { out[name] = String(await route()); } catch (e) { out[name] = 'blocked'; }
    }
    return [out];`)).items[0].json;

  afterEach(async () => {
    const out = await run('return items.map(i => ({ doubled: i.json.n * 2 }))', { rows: [{ n: 21 }] });
    expect(out.items.map((i) => i.json)).toEqual([{ doubled: 42 }]);
  });

  describe('isolation', () => {
    it('keeps the host process out of reach through every function constructor', async () => {
      const seen = await probe(`
        object: () => ({}).constructor.constructor('return typeof process')(),
        plain: () => (function () {}).constructor('return typeof process')(),
        arrow: () => (() => 1).constructor('return typeof process')(),
        async: async () => (async function () {}).constructor('return typeof process')(),
        generator: () => (function* () {}).constructor('return typeof process')().next().value,
        asyncGenerator: async () => (await (async function* () {}).constructor('return typeof process')().next()).value,
        global: () => Function('return typeof process')(),
        indirectEval: () => (0, eval)('typeof process'),
        console: () => console.log.constructor('return typeof process')(),
        input: () => $input.all.constructor('return typeof process')(),
        error: () => new Error('x').constructor.constructor('return typeof process')(),
        protoChain: () => Object.getPrototypeOf(async () => {}).constructor('return typeof process')(),
        date: () => Date.constructor('return typeof process')(),
        math: () => Math.max.constructor('return typeof process')(),
        hostError: () => { try { return $json; } catch (e) { return e.constructor.constructor('return typeof process')(); } },
        thisAtTop: () => typeof (function () { return this; })()?.process,
        globalTrick: () => typeof globalThis.constructor.constructor('return this')()?.process,`);
      for (const value of Object.values(seen)) expect(value).toMatch(/^(undefined|blocked)$/);
    });

    it('offers no host global or module loader', async () => {
      const out = await run(`const g = globalThis;
        return [{ names: Object.getOwnPropertyNames(g).filter(k => /^(process|require|module|Buffer|fetch|setTimeout|setImmediate|queueMicrotask|std|os|WebAssembly|Compartment|lockdown|global)$/.test(k)),
          require: typeof require, module: typeof module, process: typeof process }]`);
      expect(out.items[0].json).toEqual({ names: [], require: 'undefined', module: 'undefined', process: 'undefined' });
      await expect(run("const fs = await import('fs'); return [{ read: typeof fs.readFileSync }]")).rejects.toMatchObject({ code: expect.stringMatching(/^code\.(error|syntax)$/) });
    });

    it('keeps prototype pollution inside one run and out of the host', async () => {
      await run('try { Object.prototype.polluted = 1; Array.prototype.evil = 2; } catch {} return []');
      const next = await run('return [{ polluted: typeof ({}).polluted, evil: typeof [].evil }]');
      expect(next.items[0].json).toEqual({ polluted: 'undefined', evil: 'undefined' });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('keeps a patched JSON from reaching the next run or its own result', async () => {
      const out = await run('try { JSON.parse = () => 1; JSON.stringify = () => "\\"hacked\\""; } catch {} return [{ a: 1 }]');
      expect(out.items[0].json).toEqual({ a: 1 });
      const next = await run('return [{ n: JSON.parse("[7]")[0], input: items[0].json.k }]', { rows: [{ k: 'v' }] });
      expect(next.items[0].json).toEqual({ n: 7, input: 'v' });
    });

    it('gives Error.prepareStackTrace no frame that leads to a host object', async () => {
      const out = await run(`let leaked = [];
        try {
          Error.prepareStackTrace = (e, frames) => { for (const f of frames) leaked.push(typeof f?.getThis?.(), typeof f?.getFunction?.()); return 'custom'; };
          void new Error('x').stack;
        } catch {}
        return [{ leaked: leaked.filter(t => t === 'object' || t === 'function') }]`);
      expect(out.items[0].json).toEqual({ leaked: [] });
      const err = await run('try { Error.prepareStackTrace = (e, frames) => frames; } catch {}\nthrow new Error("x")').catch((e: Error) => e);
      expect(err).toMatchObject({ code: 'code.error', message: 'Error: x (line 2)' });
    });

    it('gives the host plain data even when the result has getters and toJSON', async () => {
      const out = await run(`let calls = 0;
        return [{ get a() { calls++; return calls }, b: { toJSON() { return 'B' } }, c: () => 1, d: undefined, e: new Date(0) }]`);
      const json = out.items[0].json;
      expect(json).toEqual({ a: 1, b: 'B', e: '1970-01-01T00:00:00.000Z' });
      expect(Object.getOwnPropertyDescriptor(json, 'a')).toMatchObject({ value: 1, writable: true });
    });

    it('offers the clock and Math.random', async () => {
      const out = await run('return [{ now: Date.now() > 1.7e12, date: new Date().getFullYear() > 2000, random: typeof Math.random() }]');
      expect(out.items[0].json).toEqual({ now: true, date: true, random: 'number' });
    });

    it('has no Atomics to block the thread with', async () => {
      await expect(run('const sab = new SharedArrayBuffer(16); Atomics.wait(new Int32Array(sab), 0, 0); return []', { timeoutMs: 1_000 }))
        .rejects.toMatchObject({ code: expect.stringMatching(/^code\.(error|timeout)$/) });
    });
  });

  describe('the wrapper around the code', () => {
    it('cannot be closed from inside to run code before the prelude', async () => {
      const code = 'return [] }); JSON.stringify = () => \'[{"forged":1}]\'; (async function () {';
      await expect(run(code)).rejects.toMatchObject({ code: 'code.syntax' });
      await expect(run('return [] }) /*\n*/; (async function () {')).rejects.toMatchObject({ code: 'code.syntax' });
    });

    it('rejects HTML-like comments, which parsers disagree on', async () => {
      await expect(run('const x = 1 <!-- }); (async function () {\nreturn []')).rejects.toMatchObject({ code: 'code.syntax' });
    });

    it('runs the code in strict mode', async () => {
      await expect(run('undeclared = 1; return []')).rejects.toMatchObject({ code: 'code.error', message: expect.stringContaining('undeclared') });
    });
  });

  describe('limits', () => {
    it('stops an infinite loop at the deadline', async () => {
      const { error, ms } = await timed(run('while (true) {}', { timeoutMs: 500 }));
      expect(error).toMatchObject({ code: 'code.timeout', message: 'The Code node ran longer than 500 ms and was stopped' });
      expect(ms).toBeLessThan(500 + SLACK_MS);
    });

    it('stops a long native call, or refuses it, near the deadline', async () => {
      // JSON.stringify of deeply nested arrays runs for seconds inside one QuickJS native call; V8 refuses it at once.
      const { error, ms } = await timed(run('let a = []; for (let i = 0; i < 200000; i++) a = [a]; return [{ s: JSON.stringify(a) }]', { timeoutMs: 1_000 }));
      expect(error).toMatchObject({ code: expect.stringMatching(/^code\.(timeout|error)$/) });
      expect(ms).toBeLessThan(1_000 + SLACK_MS);
    });

    it('turns infinite recursion into a clean error', async () => {
      await expect(run('function f() { return f() + 1 }\nreturn [{ v: f() }]')).rejects.toMatchObject({ code: 'code.error', message: expect.stringMatching(/stack overflow|call stack size exceeded/) });
    });

    it('stops a huge string with a memory error', async () => {
      const { error, ms } = await timed(run("const s = 'x'.repeat(2 ** 28); return [{ n: s.indexOf('y') }]", { timeoutMs: 10_000 }));
      expect(error).toMatchObject({ code: 'code.memory', message: expect.stringContaining('went over its memory limit of 64 MB') });
      expect(ms).toBeLessThan(3_000 + SLACK_MS);
    });

    it('stops an ever-growing array', async () => {
      // About 1.5 s to fill 64 MB on an idle machine; a busy one may reach the deadline first.
      const { error, ms } = await timed(run('const a = []; while (true) a.push({ n: a.length, s: "row " + a.length }); return []', { timeoutMs: 6_000 }));
      expect(error).toMatchObject({ code: expect.stringMatching(/^code\.(memory|timeout)$/) });
      expect(ms).toBeLessThan(6_000 + SLACK_MS);
    });

    it('stops a big buffer, whatever route reaches one', async () => {
      for (const code of ['return [{ n: new ArrayBuffer(2 ** 30).byteLength }]', 'return [{ n: new Uint8Array(2 ** 30).fill(1).length }]',
        'return [{ n: new TextEncoder().encode("x".repeat(2 ** 28)).length }]']) {
        await expect(run(code)).rejects.toMatchObject({ code: expect.stringMatching(/^code\.(memory|error)$/) });
      }
    });

    it('refuses a result nested deeper than the limit and keeps one within it', async () => {
      const nest = (depth: number) => `let v = 1; for (let i = 0; i < ${depth}; i++) v = { v }; return [v]`;
      await expect(run(nest(200))).rejects.toMatchObject({ code: 'code.result', message: expect.stringContaining('nested deeper than 128 levels') });
      const out = await run(nest(120));
      expect(out.items).toHaveLength(1);
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
});
