import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import aggregate from './aggregate';

const sales = [
  { country: 'DE', amount: 100, customer: 'a', at: '2024-03-01' },
  { country: 'FR', amount: '50', customer: 'b', at: '2024-01-15' },
  { country: 'DE', amount: 300, customer: 'a', at: '2024-02-01' },
  { country: 'DE', amount: 'n/a', customer: 'c', at: '2024-04-01' },
  { country: 'FR', customer: 'd' },
];

describe('core.aggregate', () => {
  it('groups in order of first appearance and computes every operation', async () => {
    const { outputs: out, logs } = await runNode(aggregate, {
      params: {
        groupBy: ['country'],
        aggregations: [
          { op: 'count' },
          { op: 'count', field: 'amount', as: 'withAmount' },
          { op: 'countDistinct', field: 'customer' },
          { op: 'sum', field: 'amount' },
          { op: 'avg', field: 'amount' },
          { op: 'min', field: 'at' },
          { op: 'max', field: 'amount' },
          { op: 'collect', field: 'customer', as: 'customers' },
          { op: 'first', field: 'at' },
          { op: 'last', field: 'customer' },
        ],
      },
      items: sales,
    });
    expect(out.main.map((i) => i.json)).toEqual([
      {
        country: 'DE', count: 3, withAmount: 3, countDistinct_customer: 2, sum_amount: 400, avg_amount: 200,
        min_at: '2024-02-01', max_amount: 300, customers: ['a', 'a', 'c'], first_at: '2024-03-01', last_customer: 'c',
      },
      {
        country: 'FR', count: 2, withAmount: 1, countDistinct_customer: 2, sum_amount: 50, avg_amount: 50,
        min_at: '2024-01-15', max_amount: '50', customers: ['b', 'd'], first_at: '2024-01-15', last_customer: 'd',
      },
    ]);
    expect(logs).toContain('warn: sum_amount left out 1 value of "amount" that is not a number');
  });

  it('aggregates everything into one item without groupBy, even with no items', async () => {
    const { outputs: out } = await runNode(aggregate, { params: { aggregations: [{ op: 'sum', field: 'amount', as: 'total' }, { op: 'avg', field: 'amount' }] }, items: sales });
    expect(out.main.map((i) => i.json)).toEqual([{ total: 450, avg_amount: 150 }]);
    expect(out.main[0].paired).toHaveLength(5);
    const { outputs: empty } = await runNode(aggregate, { params: { aggregations: [{ op: 'count' }, { op: 'max', field: 'x' }] }, items: [] });
    expect(empty.main.map((i) => i.json)).toEqual([{ count: 0, max_x: null }]);
  });

  it('groups by several and nested fields, writing them back at their paths; 1 and "1" are one group', async () => {
    const { outputs: out } = await runNode(aggregate, {
      params: { groupBy: ['c.country', 'year'], aggregations: [{ op: 'count' }] },
      items: [{ c: { country: 'DE' }, year: 2024 }, { c: { country: 'DE' }, year: '2024' }, { c: { country: 'DE' }, year: 2023 }, { year: 2023 }],
    });
    expect(out.main.map((i) => i.json)).toEqual([
      { c: { country: 'DE' }, year: 2024, count: 2 },
      { c: { country: 'DE' }, year: 2023, count: 1 },
      { c: { country: null }, year: 2023, count: 1 },
    ]);
  });

  it('compares min and max by type, numbers winning over text', async () => {
    const { outputs: out } = await runNode(aggregate, {
      params: { aggregations: [{ op: 'min', field: 'v' }, { op: 'max', field: 'v' }] },
      items: [{ v: '10' }, { v: 9 }, { v: 'abc' }, { v: null }],
    });
    expect(out.main[0].json).toEqual({ min_v: 9, max_v: '10' });
  });

  it('fails clearly when an operation needs a field', async () => {
    await expect(runNode(aggregate, { params: { aggregations: [{ op: 'sum' }] }, items: [{}] }))
      .rejects.toMatchObject({ code: 'param.required', path: 'params.aggregations[0].field' });
  });

  // How fast is a figure of `npm run bench` (Aggregate, 100,000 items into 5 groups).
  it('aggregates 100,000 items into a handful of groups', async () => {
    const countries = ['DE', 'FR', 'IT', 'ES', 'NL'];
    const items = Array.from({ length: 100_000 }, (_, i) => ({ json: { country: countries[i % 5], amount: i % 1000 } }));
    const params = { groupBy: ['country'], aggregations: [{ op: 'count' }, { op: 'sum', field: 'amount' }, { op: 'avg', field: 'amount' }] };
    const { outputs: out } = await runNode(aggregate, { params, items });
    expect(out.main).toHaveLength(5);
    expect(out.main[0].json).toMatchObject({ country: 'DE', count: 20_000 });
  });
});
