import { describe, expect, it } from 'vitest';
import { inferFields, MAX_FIELD_DEPTH, MAX_FIELDS } from './field-paths';

describe('field-path inference', () => {
  it('lists fields depth-first with types, presence and an example', () => {
    const { fields, sampled } = inferFields([
      { id: 1, customer: { email: 'a@x.io' }, lines: [{ sku: 'A' }] },
      { id: '2', customer: { email: null, vip: true }, note: 'hi' },
    ]);
    expect(sampled).toBe(2);
    expect(fields.map((f) => f.path)).toEqual(['id', 'customer', 'customer.email', 'customer.vip', 'lines', 'lines[0]', 'lines[0].sku', 'note']);
    expect(fields[0]).toMatchObject({ types: ['number', 'string'], present: 2, example: '1', depth: 0 });
    expect(fields[2]).toMatchObject({ types: ['string', 'null'], example: 'a@x.io', depth: 1 });
    expect(fields.find((f) => f.path === 'note')).toMatchObject({ present: 1 });
  });

  it('quotes keys that are not identifiers', () => {
    expect(inferFields([{ 'first name': 'Ada' }]).fields[0].path).toBe('["first name"]');
  });

  it('stops at the documented depth and field count', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 50; i++) deep = { n: deep };
    const { fields } = inferFields([deep]);
    expect(Math.max(...fields.map((f) => f.depth))).toBe(MAX_FIELD_DEPTH - 1);
    const wide = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i]));
    expect(inferFields([wide]).fields).toHaveLength(MAX_FIELDS);
  });
});
