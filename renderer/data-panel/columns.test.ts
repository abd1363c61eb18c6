import { describe, expect, it } from 'vitest';
import { cellText, columnWidth, inferColumns } from './columns';

describe('columns', () => {
  it('unions keys of the first items in first-seen order', () => {
    const items = [{ id: 1, name: 'a' }, { id: 2, email: 'x' }, ...Array.from({ length: 300 }, (_, i) => ({ id: i })), { late: true }];
    expect(inferColumns(items).columns).toEqual(['id', 'name', 'email']);
    expect(inferColumns(items, 1000).columns).toContain('late');
  });
  it('caps the number of columns', () => {
    const wide = [Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]))];
    expect(inferColumns(wide, 200, 10)).toMatchObject({ isTruncated: true });
    expect(inferColumns(wide, 200, 10).columns).toHaveLength(10);
  });
  it('renders nested values on one line', () => {
    expect(cellText({ a: 1, b: { c: 'x' } })).toBe('{a: 1, b: {c: "x"}}');
    expect(cellText([1, 2, 3])).toBe('[3] [1, 2, 3]');
    expect(cellText('two\nlines')).toBe('two⏎lines');
    expect(cellText(undefined)).toBe('');
    expect(cellText(null)).toBe('null');
    const huge = { list: Array.from({ length: 100_000 }, (_, i) => i) };
    expect(cellText(huge, 40).length).toBe(40);
  });
  it('sizes columns between bounds', () => {
    expect(columnWidth('id', [{ id: 1 }])).toBe(64);
    expect(columnWidth('text', [{ text: 'x'.repeat(500) }])).toBe(360);
    // A long value past the first rows still widens its column.
    expect(columnWidth('c', [...Array.from({ length: 150 }, () => ({ c: 'ab' })), { c: 'x'.repeat(30) }])).toBe(Math.round(30 * 7.2 + 18));
  });
});
