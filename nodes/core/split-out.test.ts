import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import splitOut from './split-out';

const order = { id: 'o1', customer: 'Anna', lines: [{ sku: 'A', qty: 1 }, { sku: 'B', qty: 2 }] };

describe('core.splitOut', () => {
  it('makes one item per object element, its fields at the top level', async () => {
    const items = [{ json: order }];
    const { outputs: out } = await runNode(splitOut, { params: { field: 'lines' }, items });
    expect(out.main.map((i) => i.json)).toEqual([{ sku: 'A', qty: 1 }, { sku: 'B', qty: 2 }]);
    expect(out.main[0].paired).toEqual([items[0]]);
  });

  it('carries all other fields along', async () => {
    const { outputs: out } = await runNode(splitOut, { params: { field: 'lines', include: 'allOtherFields' }, items: [order] });
    expect(out.main.map((i) => i.json)).toEqual([
      { id: 'o1', customer: 'Anna', sku: 'A', qty: 1 },
      { id: 'o1', customer: 'Anna', sku: 'B', qty: 2 },
    ]);
    expect(order.lines).toHaveLength(2);
  });

  it('carries selected fields and puts elements into a destination field', async () => {
    const { outputs: out } = await runNode(splitOut, {
      params: { field: 'lines', include: 'selected', fields: ['id'], destination: 'line' },
      items: [order],
    });
    expect(out.main.map((i) => i.json)).toEqual([{ id: 'o1', line: { sku: 'A', qty: 1 } }, { id: 'o1', line: { sku: 'B', qty: 2 } }]);
  });

  it('puts plain elements into a field named like the list', async () => {
    const { outputs: out } = await runNode(splitOut, { params: { field: 'data.tags', include: 'allOtherFields' }, items: [{ data: { tags: ['x', 'y'], n: 1 }, id: 5 }] });
    expect(out.main.map((i) => i.json)).toEqual([{ data: { n: 1 }, id: 5, tags: 'x' }, { data: { n: 1 }, id: 5, tags: 'y' }]);
  });

  it('treats a single value as a list of one and skips items without the field', async () => {
    const { outputs: out, logs } = await runNode(splitOut, { params: { field: 'tags' }, items: [{ tags: 'solo' }, { other: 1 }, { tags: [] }] });
    expect(out.main.map((i) => i.json)).toEqual([{ tags: 'solo' }]);
    expect(logs).toContain('warn: 1 of 3 items had no "tags"; they gave no items');
  });
});
