import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import dedupe from './dedupe';

describe('core.dedupe', () => {
  it('keeps the first item per e-mail and routes the rest to "dropped"', async () => {
    const { outputs: out } = await runNode(dedupe, {
      params: { key: { by: 'fields', fields: ['email'] }, keep: 'first' },
      items: [{ email: 'a@x.io', n: 1 }, { email: 'a@x.io', n: 2 }, { email: 'b@x.io', n: 3 }],
    });
    expect(out.main.map((i) => i.json.n)).toEqual([1, 3]);
    expect(out.dropped.map((i) => i.json.n)).toEqual([2]);
  });

  it('keeps the last duplicate when asked', async () => {
    const { outputs: out } = await runNode(dedupe, {
      params: { key: { by: 'fields', fields: ['email'] }, keep: 'last' },
      items: [{ email: 'a@x.io', n: 1 }, { email: 'a@x.io', n: 2 }, { email: 'b@x.io', n: 3 }],
    });
    expect(out.main.map((i) => i.json.n)).toEqual([2, 3]);
    expect(out.dropped.map((i) => i.json.n)).toEqual([1]);
  });

  it('compares whole items regardless of key order', async () => {
    const { outputs: out } = await runNode(dedupe, { items: [{ a: 1, b: 2 }, { b: 2, a: 1 }, { a: 1, b: 3 }] });
    expect(out.main).toHaveLength(2);
    expect(out.dropped).toHaveLength(1);
  });

  it('keys on several fields together', async () => {
    const { outputs: out } = await runNode(dedupe, {
      params: { key: { by: 'fields', fields: ['first', 'last'] } },
      items: [{ first: 'A', last: 'B' }, { first: 'A', last: 'C' }, { first: 'A', last: 'B' }],
    });
    expect(out.main).toHaveLength(2);
  });

  it('requires at least one field', () => {
    expect(dedupe.validate({ key: { by: 'fields', fields: [] } }).problems[0].path).toBe('params.key.fields');
  });
});
