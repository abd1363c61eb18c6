import { describe, expect, it } from 'vitest';
import type { CodeRunner } from '../../engine/sdk';
import { runNode } from '../../engine/sdk/testing';
import code from './code';

// Trusted flows run on Hardened JavaScript, all others in QuickJS: the node must behave the same on both.
describe.each(['isolated', 'trusted'] as const)('core.code on the %s backend', (codeBackend) => {
  it('maps items in the sandbox and pairs them with their inputs', async () => {
    const items = [{ json: { n: 1 } }, { json: { n: 2 } }];
    const { outputs: out, logs } = await runNode(code, {
      params: { code: 'console.log("seen", items.length); return items.map((item) => ({ json: { n: item.json.n * 10 } }));' },
      items, codeBackend,
    });
    expect(out.main.map((i) => i.json)).toEqual([{ n: 10 }, { n: 20 }]);
    expect(out.main[1].paired).toEqual([items[1]]);
    expect(logs.some((l) => l.startsWith('info:') && l.includes('seen 2'))).toBe(true);
  });

  it('runs the default code as a copy of its input', async () => {
    const { outputs: out } = await runNode(code, { items: [{ a: 1 }], codeBackend });
    expect(out.main.map((i) => i.json)).toEqual([{ a: 1 }]);
  });

  it('runs with no input items and may make data', async () => {
    const { outputs: out } = await runNode(code, { params: { code: 'return [1, 2, 3].map((n) => ({ json: { n } }));' }, items: [], codeBackend });
    expect(out.main).toHaveLength(3);
  });

  it('fails cleanly when the code throws', async () => {
    await expect(runNode(code, { params: { code: 'throw new Error("no customers today")' }, items: [{}], codeBackend }))
      .rejects.toMatchObject({ code: 'code.error', message: expect.stringContaining('no customers today') });
  });

  it('keeps in its log the lines the code logged before it threw', async () => {
    const logs: string[] = [];
    const failing = runNode(code, { params: { code: 'console.log("checked", items.length, "rows");\nconsole.warn("row 2 looks odd");\nthrow new Error("row 2 has no e-mail")' }, items: [{}, {}], codeBackend, logs });
    await expect(failing).rejects.toMatchObject({ code: 'code.error', message: 'Error: row 2 has no e-mail (line 3)' });
    expect(logs).toEqual(['info: checked 2 rows', 'warn: row 2 looks odd']);
  });

  it('cannot close its wrapper to run before the prelude and forge the result', async () => {
    const forged = 'return [] }); JSON.stringify = () => \'[{"forged":true}]\'; (async function () {';
    await expect(runNode(code, { params: { code: forged }, items: [{}], codeBackend })).rejects.toMatchObject({ code: 'code.syntax' });
  });

  it('refuses a result nested deeper than 128 levels', async () => {
    const deep = 'let v = {}; for (let i = 0; i < 500; i++) v = { v }; return [v]';
    await expect(runNode(code, { params: { code: deep }, items: [{}], codeBackend }))
      .rejects.toMatchObject({ code: 'code.result', message: expect.stringContaining('nested deeper than 128 levels') });
  });
});

describe('core.code with any runner', () => {
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

  it('logs the lines that came with a failure, each at its level, before failing', async () => {
    const failing: CodeRunner = { run: async () => { throw Object.assign(new Error('boom'), { logs: [{ level: 'info', message: 'step 1' }, { level: 'warn', message: 'step 2' }] }); } };
    const logs: string[] = [];
    await expect(runNode(code, { items: [{}], code: failing, logs })).rejects.toMatchObject({ code: 'code.error', message: 'The code failed: boom' });
    expect(logs).toEqual(['info: step 1', 'warn: step 2']);
  });
});
