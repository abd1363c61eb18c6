import { describe, expect, it } from 'vitest';
import type { Item } from '../sdk/types';
import { createCodeRunner } from './code-runner';
import type { CodeSandbox, SandboxLimits } from './types';

/** A sandbox that answers with fixed JSON and records what it was asked. */
function fakeSandbox(resultJson: string) {
  const calls: { code: string; itemsJson: string; limits: SandboxLimits }[] = [];
  const sandbox: CodeSandbox = {
    async run(code, itemsJson, limits) {
      calls.push({ code, itemsJson, limits });
      return { resultJson, logs: [{ level: 'info', message: 'hello' }, { level: 'warn', message: 'careful' }] };
    },
    warm() {},
    async close() {},
  };
  return { sandbox, calls };
}

const signal = new AbortController().signal;
const opts = { timeoutMs: 1_000, memoryMb: 32, signal };
const inputs: Item[] = [{ json: { a: 1 }, binary: { f: { mimeType: 'text/plain', size: 1, ref: 'r' } } }, { json: { a: 2 } }];

describe('createCodeRunner', () => {
  it('sends the items as one JSON array of their json, with the limits and signal', async () => {
    const { sandbox, calls } = fakeSandbox('[]');
    await createCodeRunner(sandbox).run('return []', inputs, opts);
    expect(calls).toEqual([{ code: 'return []', itemsJson: '[{"a":1},{"a":2}]', limits: opts }]);
  });

  it('pairs outputs with inputs by index when the counts match', async () => {
    const { sandbox } = fakeSandbox('[{"json":{"b":1}},{"b":2}]');
    const out = await createCodeRunner(sandbox).run('', inputs, opts);
    expect(out.items).toEqual([{ json: { b: 1 }, paired: [inputs[0]] }, { json: { b: 2 }, paired: [inputs[1]] }]);
    expect(out.logs).toEqual([{ level: 'info', message: 'hello' }, { level: 'warn', message: 'careful' }]);
  });

  it('leaves outputs unpaired when the counts differ', async () => {
    const { sandbox } = fakeSandbox('[{"b":1}]');
    const out = await createCodeRunner(sandbox).run('', inputs, opts);
    expect(out.items).toEqual([{ json: { b: 1 } }]);
  });

  it('keeps a "__proto__" key as plain data', async () => {
    const { sandbox } = fakeSandbox('[{"__proto__":{"polluted":1}}]');
    const out = await createCodeRunner(sandbox).run('', [], opts);
    expect(Object.getPrototypeOf(out.items[0].json)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['null', 'returned nothing'],
    ['"text"', 'returned a string ("text")'],
    ['[[1]]', 'index 0 is a list'],
    ['[{"a":1},null]', 'index 1 is null'],
    ['[{"json":3}]', '"json" that is a number (3)'],
  ])('rejects the result %s with code.result', async (resultJson, fragment) => {
    const { sandbox } = fakeSandbox(resultJson);
    await expect(createCodeRunner(sandbox).run('', [], opts)).rejects.toMatchObject({ code: 'code.result', message: expect.stringContaining(fragment) });
  });
});
