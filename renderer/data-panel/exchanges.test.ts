import { describe, expect, it } from 'vitest';
import { bytes, exchangesOf, hasExchanges } from './exchanges';

const x = (page: number, total: number) => ({ status: 200, url: `https://a/x?p=${page}`, page, request: { method: 'GET', url: `https://a/x?p=${page}`, headers: {}, size: 0 }, timing: { dns: 0, connect: 0, tls: 0, firstByte: 1, download: 1, total } });

describe('exchangesOf', () => {
  it('lists the exchange of each response once, in order', () => {
    const items = [{ id: 1, $response: x(1, 5) }, { id: 2, $response: x(1, 5) }, { id: 3, $response: x(2, 7) }];
    expect(exchangesOf(items).map((e) => e.page)).toEqual([1, 2]);
    expect(hasExchanges(items)).toBe(true);
  });

  it('passes over items without one', () => {
    expect(hasExchanges([{ id: 1 }])).toBe(false);
    expect(exchangesOf([{ id: 1, $response: 'not an exchange' }])).toEqual([]);
  });

  it('writes sizes for people', () => {
    expect([bytes(999), bytes(1234), bytes(5_600_000)]).toEqual(['999 B', '1.2 kB', '5.6 MB']);
  });
});
