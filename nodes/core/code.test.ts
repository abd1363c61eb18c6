import { describe, expect, it } from 'vitest';
import type { CodeRunner } from '../../engine/sdk';
import { runNode } from '../../engine/sdk/testing';
import code from './code';

describe('core.code', () => {
  it('maps items in the sandbox and pairs them with their inputs', async () => {
    const items = [{ json: { n: 1 } }, { json: { n: 2 } }];
    const { outputs: out, logs } = await runNode(code, {
      params: { code: 'console.log("seen", items.length); return items.map((item) => ({ json: { n: item.json.n * 10 } }));' },
      items,
    });
    expect(out.main.map((i) => i.json)).toEqual([{ n: 10 }, { n: 20 }]);
    expect(out.main[1].paired).toEqual([items[1]]);
    expect(logs.some((l) => l.startsWith('info:') && l.includes('seen 2'))).toBe(true);
  });

  it('runs the default code as a copy of its input', async () => {
    const { outputs: out } = await runNode(code, { items: [{ a: 1 }] });
    expect(out.main.map((i) => i.json)).toEqual([{ a: 1 }]);
  });

  it('runs with no input items and may make data', async () => {
    const { outputs: out } = await runNode(code, { params: { code: 'return [1, 2, 3].map((n) => ({ json: { n } }));' }, items: [] });
    expect(out.main).toHaveLength(3);
  });

  it('fails cleanly when the code throws', async () => {
    await expect(runNode(code, { params: { code: 'throw new Error("no customers today")' }, items: [{}] }))
      .rejects.toMatchObject({ code: 'code.error', message: expect.stringContaining('no customers today') });
  });

  it('wraps an unexpected runner failure as code.error and passes options on', async () => {
    const seen: unknown[] = [];
    const broken: CodeRunner = { run: async (_c, _i, opts) => { seen.push(opts.timeoutMs, opts.memoryMb); throw new Error('worker died'); } };
    await expect(runNode(code, { params: { timeoutMs: 1_000, memoryMb: 32 }, items: [{}], code: broken }))
      .rejects.toMatchObject({ code: 'code.error', message: 'The code failed: worker died' });
    expect(seen).toEqual([1_000, 32]);
  });

  it('logs every line the code logged, once, at the level it was written with', async () => {
    const fake: CodeRunner = { run: async (_c, items) => ({ items, logs: [{ level: 'info', message: 'one' }, { level: 'warn', message: 'two' }] }) };
    const out = await runNode(code, { items: [{}], code: fake });
    expect(out.logs).toEqual(['info: one', 'warn: two']);
  });
});
