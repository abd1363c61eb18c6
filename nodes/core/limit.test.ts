import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import limit from './limit';

const items = [1, 2, 3, 4, 5].map((n) => ({ json: { n } }));

describe('core.limit', () => {
  it('keeps the first items', async () => {
    const { outputs: out } = await runNode(limit, { params: { maxItems: 2 }, items });
    expect(out.main.map((i) => i.json.n)).toEqual([1, 2]);
  });

  it('keeps the last items', async () => {
    const { outputs: out } = await runNode(limit, { params: { maxItems: 2, keep: 'last' }, items });
    expect(out.main.map((i) => i.json.n)).toEqual([4, 5]);
  });

  it('passes the same list on when it is short enough', async () => {
    const { outputs: out } = await runNode(limit, { params: { maxItems: 10 }, items });
    expect(out.main).toEqual(items);
    // runNode copies the input list; the node itself must not.
    expect((limit.execute({ items, params: { maxItems: 10, keep: 'first' } } as never) as { main: unknown }).main).toBe(items);
  });

  it('rejects a limit below 1', () => {
    expect(limit.validate({ maxItems: 0 }).problems[0]).toMatchObject({ path: 'params.maxItems', code: 'param.range' });
  });
});
