import { describe, expect, it } from 'vitest';
import type { Item } from '../../engine/sdk';
import { runNode } from '../../engine/sdk/testing';
import merge from './merge';

const customers = [{ id: 1, name: 'Anna' }, { id: 2, name: 'Ben' }, { id: '3', name: 'Cem' }].map((json) => ({ json }));
const orders = [
  { customerId: '1', total: 10 }, { customerId: 3, total: 30 }, { customerId: 1, total: 11 }, { customerId: 9, total: 90 },
].map((json) => ({ json }));
const json = (items: Item[]) => items.map((i) => i.json);

describe('core.merge', () => {
  it('appends b after a, passing the same items on', async () => {
    const { outputs: out } = await runNode(merge, { params: { mode: 'append' }, inputs: { a: customers, b: orders } });
    expect(out.main).toHaveLength(7);
    expect(out.main[0]).toBe(customers[0]);
    expect(out.main[3]).toBe(orders[0]);
  });

  it('zips by position; b wins on clashes; extra items only with includeUnpaired', async () => {
    const a = [{ json: { k: 'a1', x: 1 } }, { json: { k: 'a2' } }, { json: { k: 'a3' } }];
    const b = [{ json: { k: 'b1', y: 2 } }, { json: { k: 'b2' } }];
    const { outputs: out } = await runNode(merge, { params: { mode: 'byPosition' }, inputs: { a, b } });
    expect(json(out.main)).toEqual([{ k: 'b1', x: 1, y: 2 }, { k: 'b2' }]);
    expect(out.main[0].paired).toEqual([a[0], b[0]]);
    expect(a[0].json).toEqual({ k: 'a1', x: 1 });
    const { outputs: all } = await runNode(merge, { params: { mode: 'byPosition', includeUnpaired: true }, inputs: { a, b } });
    expect(all.main[2]).toBe(a[2]);
  });

  it('joins by key (inner): 1 meets "1", duplicates give every combination', async () => {
    const { outputs: out } = await runNode(merge, { params: { mode: 'byKey', keyA: 'id', keyB: 'customerId' }, inputs: { a: customers, b: orders } });
    expect(json(out.main)).toEqual([
      { id: 1, name: 'Anna', customerId: '1', total: 10 },
      { id: 1, name: 'Anna', customerId: 1, total: 11 },
      { id: '3', name: 'Cem', customerId: 3, total: 30 },
    ]);
    expect(out.main[0].paired).toEqual([customers[0], orders[0]]);
  });

  it('left join keeps every a item', async () => {
    const { outputs: out } = await runNode(merge, { params: { mode: 'byKey', keyA: 'id', keyB: 'customerId', join: 'left' }, inputs: { a: customers, b: orders } });
    expect(out.main.map((i) => [i.json.name, i.json.total])).toEqual([['Anna', 10], ['Anna', 11], ['Ben', undefined], ['Cem', 30]]);
    expect(out.main[2]).toBe(customers[1]);
  });

  it('outer join adds the unmatched items of b at the end', async () => {
    const { outputs: out } = await runNode(merge, { params: { mode: 'byKey', keyA: 'id', keyB: 'customerId', join: 'outer' }, inputs: { a: customers, b: orders } });
    expect(out.main).toHaveLength(5);
    expect(out.main[4]).toBe(orders[3]);
  });

  it('duplicates on both sides give every combination (SQL semantics); missing keys never match', async () => {
    const a = [{ k: 'x', a: 1 }, { k: 'x', a: 2 }, { a: 3 }].map((j) => ({ json: j }));
    const b = [{ k: 'x', b: 1 }, { k: 'x', b: 2 }, { b: 3 }].map((j) => ({ json: j }));
    const { outputs: out } = await runNode(merge, { params: { mode: 'byKey', keyA: 'k', keyB: 'k', join: 'outer' }, inputs: { a, b } });
    expect(out.main.map((i) => `${i.json.a ?? '-'}${i.json.b ?? '-'}`)).toEqual(['11', '12', '21', '22', '3-', '-3']);
  });

  it('joins on nested key paths', async () => {
    const a = [{ json: { customer: { id: 7 } } }];
    const b = [{ json: { ref: { customer: 7 }, ok: true } }];
    const { outputs: out } = await runNode(merge, { params: { mode: 'byKey', keyA: 'customer.id', keyB: 'ref.customer' }, inputs: { a, b } });
    expect(out.main[0].json.ok).toBe(true);
  });

  it('"first" passes whichever input has items, a before b, and settles on the first', async () => {
    expect(merge.settle!({ mode: 'first' } as never)).toBe('first');
    expect(merge.settle!({ mode: 'append' } as never)).toBe('all');
    const { outputs: onlyB } = await runNode(merge, { params: { mode: 'first' }, inputs: { a: [], b: orders } });
    expect(onlyB.main).toEqual(orders);
    const { outputs: both } = await runNode(merge, { params: { mode: 'first' }, inputs: { a: customers, b: orders } });
    expect(both.main[0]).toBe(customers[0]);
    expect(both.main).toHaveLength(customers.length);
    // runNode copies the input lists; the node itself passes one on as it is.
    expect((merge.execute({ inputs: { a: [], b: orders }, params: { mode: 'first' } } as never) as { main: unknown }).main).toBe(orders);
  });

  it('requires key fields in byKey mode', () => {
    const { problems } = merge.validate({ mode: 'byKey', keyA: 'id' });
    expect(problems.map((p) => p.path)).toEqual(['params.keyB']);
  });

  // Linear time shows in `npm run bench` (Merge by key, 100,000 × 100,000), not as a bound here.
  it('joins 100,000 items by key', async () => {
    const n = 100_000;
    const a = Array.from({ length: n }, (_, i) => ({ json: { id: i } }));
    const b = Array.from({ length: n }, (_, i) => ({ json: { ref: String(n - 1 - i), v: i } }));
    const { outputs: out } = await runNode(merge, { params: { mode: 'byKey', keyA: 'id', keyB: 'ref' }, inputs: { a, b } });
    expect(out.main).toHaveLength(n);
  });
});
