import { describe, expect, it } from 'vitest';
import { inferSchema } from './schema-infer';

describe('schema inference', () => {
  it('lists fields depth-first with types, presence and an example', () => {
    const { fields, sampled } = inferSchema([
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
    expect(inferSchema([{ 'first name': 'Ada' }]).fields[0].path).toBe('["first name"]');
  });
});
