import { afterAll, describe, expect, it } from 'vitest';
import type { Item } from '../sdk/types';
import { CODE_BACKENDS } from './backends.testing';
import { createCodeRunner } from './index';

const limits = { timeoutMs: 5_000, memoryMb: 64, signal: new AbortController().signal };
const toItems = (rows: Record<string, unknown>[]): Item[] => rows.map((json) => ({ json }));

describe.each(CODE_BACKENDS)('Code node on %s', (_name, create) => {
  const sandbox = create();
  const runner = createCodeRunner(sandbox);
  afterAll(() => sandbox.close());
  const run = (code: string, rows: Record<string, unknown>[] = []) => runner.run(code, toItems(rows), limits);

  describe('guest API', () => {
    it('maps items and pairs each output with its input', async () => {
      const input = toItems([{ a: 1 }, { a: 2 }]);
      const out = await runner.run('return items.map(i => ({ json: { ...i.json, b: i.json.a * 10 } }))', input, limits);
      expect(out.items.map((i) => i.json)).toEqual([{ a: 1, b: 10 }, { a: 2, b: 20 }]);
      expect(out.items[1].paired).toEqual([input[1]]);
    });

    it('wraps plain objects as items and leaves them unpaired when the count changes', async () => {
      const out = await run('return [{ x: 1 }, { x: 2 }, { x: 3 }]', [{ a: 1 }]);
      expect(out.items).toEqual([{ json: { x: 1 } }, { json: { x: 2 } }, { json: { x: 3 } }]);
    });

    it('wraps one returned object into one item', async () => {
      const out = await run('return { total: $input.all().reduce((s, i) => s + i.json.n, 0) }', [{ n: 2 }, { n: 3 }]);
      expect(out.items.map((i) => i.json)).toEqual([{ total: 5 }]);
    });

    it('offers $input.first() and $input.last(), and mutating items in place', async () => {
      const out = await run('for (const i of items) i.json.seen = true; return [$input.first(), $input.last()]', [{ n: 1 }, { n: 2 }, { n: 3 }]);
      expect(out.items.map((i) => i.json)).toEqual([{ n: 1, seen: true }, { n: 3, seen: true }]);
    });

    it('supports await', async () => {
      const out = await run('const n = await Promise.resolve(41); return [{ n: n + 1 }]');
      expect(out.items[0].json).toEqual({ n: 42 });
    });

    it('captures console output with its level', async () => {
      const out = await run('console.log("hi", { a: 1 }, [2]); console.info(3); console.warn("careful"); console.error(new TypeError("bad")); return []');
      expect(out.logs).toEqual([
        { level: 'info', message: 'hi {"a":1} [2]' }, { level: 'info', message: '3' },
        { level: 'warn', message: 'careful' }, { level: 'error', message: 'TypeError: bad' },
      ]);
    });

    it('caps console output in lines and characters', async () => {
      const out = await run('for (let i = 0; i < 300; i++) console.log("x".repeat(5000)); return []');
      expect(out.logs).toHaveLength(201);
      expect(out.logs[0].message.length).toBeLessThan(2_100);
      expect(out.logs[200]).toEqual({ level: 'info', message: '… 100 more log lines not shown' });
    });

    it('explains that $json needs per-item mode', async () => {
      await expect(run('return [{ a: $json.a }]', [{ a: 1 }])).rejects.toMatchObject({ code: 'code.error', message: expect.stringContaining('$json is not available') });
    });
  });

  describe('errors', () => {
    it('reports a thrown error with the line the user typed', async () => {
      const code = 'const a = 1;\nconst b = 2;\nnull.x;\nreturn [];';
      await expect(run(code)).rejects.toMatchObject({ name: 'JunctionError', code: 'code.error', message: expect.stringMatching(/^TypeError: .*(null.*'x'|'x'.*null).* \(line 3\)$/) });
    });

    it('reports the line of the throw inside a nested function', async () => {
      const code = 'function check(v) {\n  if (!v) throw new Error("missing value");\n}\n\ncheck(0);\nreturn [];';
      await expect(run(code)).rejects.toMatchObject({ code: 'code.error', message: 'Error: missing value (line 2)' });
    });

    it('reports a syntax error with its line', async () => {
      await expect(run('const a = 1;\nconst b = ;\nreturn [];')).rejects.toMatchObject({ code: 'code.syntax', message: expect.stringMatching(/^SyntaxError: .*\(line 2\)$/) });
    });

    it('reports an unclosed bracket at the last line of the code', async () => {
      await expect(run('const a = [1, 2;\nreturn a.map(x => (x);')).rejects.toMatchObject({ code: 'code.syntax', message: expect.stringContaining('(line') });
      await expect(run('return [{ a: 1 }\n')).rejects.toMatchObject({ code: 'code.syntax', message: expect.stringContaining('unexpected end of code') });
    });

    it('asks for a list when nothing is returned', async () => {
      await expect(run('const x = 1;')).rejects.toMatchObject({ code: 'code.result', message: 'The Code node must return a list of items, but it returned nothing' });
    });

    it('says what was returned when it is not a list of objects', async () => {
      await expect(run('return 5')).rejects.toMatchObject({ code: 'code.result', message: expect.stringContaining('returned a number (5)') });
      await expect(run('return [{ a: 1 }, "two"]')).rejects.toMatchObject({ code: 'code.result', message: expect.stringContaining('index 1 is a string ("two")') });
      await expect(run('return [{ json: [1] }]')).rejects.toMatchObject({ code: 'code.result', message: expect.stringContaining('"json" that is a list') });
    });

    it('reports a result that cannot become JSON', async () => {
      await expect(run('const a = {}; a.self = a; return [a]')).rejects.toMatchObject({ code: 'code.result', message: expect.stringContaining('could not be turned into JSON') });
    });

    it('reports a thrown non-error value', async () => {
      await expect(run('throw "boom"')).rejects.toMatchObject({ code: 'code.error', message: 'Uncaught boom' });
    });

    it('never puts a host stack trace in the message', async () => {
      const err = await run('\n\nundefinedFunction()').catch((e: Error) => e);
      // Hardened JavaScript reads an undeclared name as undefined, so calling it is the error there.
      expect(err).toMatchObject({ code: 'code.error', message: expect.stringMatching(/^(ReferenceError: '?undefinedFunction'? is not defined|TypeError: undefinedFunction is not a function) \(line 3\)$/) });
      expect((err as Error).message).not.toMatch(/node:|\.mjs|\.ts|wasm/);
    });
  });

  it('keeps the lines logged before the code threw', async () => {
    await expect(run('console.log("before", 1);\nconsole.warn("careful");\nthrow new Error("boom")')).rejects.toMatchObject({
      code: 'code.error', message: 'Error: boom (line 3)', logs: [{ level: 'info', message: 'before 1' }, { level: 'warn', message: 'careful' }],
    });
  });
});
