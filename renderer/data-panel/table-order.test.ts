import { describe, expect, it } from 'vitest';
import { orderItems } from './table-order';

const items = [{ name: 'beta', n: 10 }, { name: 'Alpha', n: 2 }, { name: 'gamma' }, { name: 'delta', n: 2.5 }];

describe('orderItems', () => {
  it('sorts numbers as numbers and keeps missing values last either way', () => {
    expect(orderItems(items, ['name', 'n'], '', { column: 'n', dir: 'asc' })).toEqual([1, 3, 0, 2]);
    expect(orderItems(items, ['name', 'n'], '', { column: 'n', dir: 'desc' })).toEqual([0, 3, 1, 2]);
  });
  it('sorts text without regard to case', () => {
    expect(orderItems(items, ['name'], '', { column: 'name', dir: 'asc' })).toEqual([1, 0, 3, 2]);
  });
  it('keeps the items whose any cell contains the search text', () => {
    expect(orderItems(items, ['name', 'n'], 'ALP', undefined)).toEqual([1]);
    expect(orderItems(items, ['name', 'n'], '2', undefined)).toEqual([1, 3]);
  });
});
