/**
 * Which items the table shows, in which order: a search over every cell's text and a sort by
 * one column. Works on the items loaded so far (up to ORDER_LIMIT, which the table loads first).
 */
import { cellText, kindOf, type Json } from './columns';

/** Sorting and searching load at most this many items; past it they cover the first ones. */
export const ORDER_LIMIT = 10_000;

export interface SortBy { column: string; dir: 'asc' | 'desc' }

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
// Missing values sort last in both directions; numbers and booleans compare as values, the rest as text.
const RANK = { number: 0, boolean: 0, string: 1, object: 2, array: 2, null: 3, missing: 4 } as const;

function compare(a: unknown, b: unknown): number {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (RANK[ka] !== RANK[kb]) return RANK[ka] - RANK[kb];
  if ((ka === 'number' || ka === 'boolean') && (kb === 'number' || kb === 'boolean')) return Number(a) - Number(b);
  return collator.compare(cellText(a, 200), cellText(b, 200));
}

/** Indexes of `items` that match `query` (case-insensitive, any column), sorted by `sort`. */
export function orderItems(items: readonly Json[], columns: readonly string[], query: string, sort: SortBy | undefined): number[] {
  const q = query.trim().toLowerCase();
  let order = items.map((_, i) => i);
  if (q) order = order.filter((i) => columns.some((c) => cellText(items[i]?.[c], 400).toLowerCase().includes(q)));
  if (sort) {
    const sign = sort.dir === 'asc' ? 1 : -1;
    order.sort((x, y) => {
      const a = items[x]?.[sort.column];
      const b = items[y]?.[sort.column];
      const missing = (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0);
      return missing || sign * compare(a, b) || x - y;
    });
  }
  return order;
}
