import { describe, expect, it } from 'vitest';
import { estimateOutputBytes } from './output-size';

const items = (n: number, make: (i: number) => Record<string, unknown>) => Array.from({ length: n }, (_, i) => ({ json: make(i) }));

describe('estimateOutputBytes', () => {
  it('is close to the JSON size of small outputs, which it walks in full', () => {
    const main = items(100, (i) => ({ id: i, name: `customer ${i}`, tags: ['a', 'b'], address: { city: 'Berlin' } }));
    const exact = JSON.stringify(main.map((i) => i.json)).length;
    const estimate = estimateOutputBytes({ main }, Infinity);
    expect(estimate).toBeGreaterThan(exact * 0.7);
    expect(estimate).toBeLessThan(exact * 1.5);
  });

  it('scales a sample of a long port up to the whole list', () => {
    const main = items(100_000, (i) => ({ id: i, email: `user${i}@example.com` }));
    const exact = JSON.stringify(main.map((i) => i.json)).length;
    const estimate = estimateOutputBytes({ main }, Infinity);
    expect(estimate).toBeGreaterThan(exact * 0.7);
    expect(estimate).toBeLessThan(exact * 1.5);
  });

  it('counts a huge string by its length and stops walking once past the limit', () => {
    const big = 'x'.repeat(50_000_000);
    expect(estimateOutputBytes({ main: items(1, () => ({ big })) }, 1024)).toBeGreaterThan(50_000_000);
    const wide = items(1, () => Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])));
    expect(estimateOutputBytes({ main: wide }, 1000)).toBeLessThan(2000);
  });

  it('does not recurse without bound into deeply nested data', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    expect(() => estimateOutputBytes({ main: [{ json: deep as Record<string, unknown> }] }, Infinity)).not.toThrow();
  });
});
