import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import sort from './sort';

const by = (field: string, order: 'asc' | 'desc' = 'asc') => ({ field, order });

describe('core.sort', () => {
  it('sorts numbers and numeric text as numbers', async () => {
    const { outputs: out } = await runNode(sort, { params: { fields: [by('v')] }, items: [{ v: '10' }, { v: 9 }, { v: '100' }, { v: -1.5 }] });
    expect(out.main.map((i) => i.json.v)).toEqual([-1.5, 9, '10', '100']);
  });

  it('sorts ISO dates as dates and text alphabetically', async () => {
    const { outputs: dates } = await runNode(sort, {
      params: { fields: [by('at', 'desc')] },
      items: [{ at: '2024-01-02' }, { at: '2024-01-01T23:00:00-02:00' }, { at: '2023-12-31T12:00:00Z' }],
    });
    expect(dates.main.map((i) => i.json.at)).toEqual(['2024-01-01T23:00:00-02:00', '2024-01-02', '2023-12-31T12:00:00Z']);
    const { outputs: names } = await runNode(sort, { params: { fields: [by('name')] }, items: [{ name: 'émile' }, { name: 'Zoe' }, { name: 'anna' }, { name: 'Bert' }] });
    expect(names.main.map((i) => i.json.name)).toEqual(['anna', 'Bert', 'émile', 'Zoe']);
  });

  it('puts missing values last in either direction', async () => {
    const items = [{ n: 1 }, { n: 2, v: 5 }, { n: 3, v: null }, { n: 4, v: 7 }, { n: 5, v: '' }];
    const { outputs: asc } = await runNode(sort, { params: { fields: [by('v')] }, items });
    expect(asc.main.map((i) => i.json.n)).toEqual([2, 4, 1, 3, 5]);
    const { outputs: desc } = await runNode(sort, { params: { fields: [by('v', 'desc')] }, items });
    expect(desc.main.map((i) => i.json.n)).toEqual([4, 2, 1, 3, 5]);
  });

  it('is stable and sorts by several fields, nested paths included', async () => {
    const items = [
      { id: 1, c: { country: 'FR' }, amount: 5 },
      { id: 2, c: { country: 'DE' }, amount: 5 },
      { id: 3, c: { country: 'DE' }, amount: 9 },
      { id: 4, c: { country: 'FR' }, amount: 5 },
      { id: 5, c: { country: 'DE' }, amount: 5 },
    ];
    const { outputs: out } = await runNode(sort, { params: { fields: [by('c.country'), by('amount', 'desc')] }, items });
    expect(out.main.map((i) => i.json.id)).toEqual([3, 2, 5, 1, 4]);
    const { outputs: stable } = await runNode(sort, { params: { fields: [by('amount')] }, items });
    expect(stable.main.map((i) => i.json.id)).toEqual([1, 2, 4, 5, 3]);
  });

  it('orders mixed types numbers, dates, text, booleans', async () => {
    const { outputs: out } = await runNode(sort, { params: { fields: [by('v')] }, items: [{ v: true }, { v: 'b' }, { v: '2024-01-01' }, { v: 3 }] });
    expect(out.main.map((i) => i.json.v)).toEqual([3, '2024-01-01', 'b', true]);
  });

  it('passes the same item objects on', async () => {
    const items = [{ json: { v: 2 } }, { json: { v: 1 } }];
    const { outputs: out } = await runNode(sort, { params: { fields: [by('v')] }, items });
    expect(out.main).toEqual([items[1], items[0]]);
    expect(out.main[0]).toBe(items[1]);
  });

  // How fast is a figure of `npm run bench` (Sort 100,000 items by two fields).
  it('sorts 100,000 items', async () => {
    const items = Array.from({ length: 100_000 }, (_, i) => ({ json: { v: (i * 7919) % 100_003, name: `n${i % 1000}` } }));
    const { outputs: out } = await runNode(sort, { params: { fields: [by('name'), by('v')] }, items });
    expect(out.main[0].json.name).toBe('n0');
  });
});
