/**
 * The operations of the Aggregate node, one column at a time. Not a node: no default export.
 */
import type { Item } from '../../engine/sdk';
import { toNumber } from '../../engine/sdk';
import { compareSortKeys, Rank, sortKey, valueKey, type SortKey } from './values';

export const OPS = ['count', 'countDistinct', 'sum', 'avg', 'min', 'max', 'collect', 'first', 'last'] as const;
export type Op = (typeof OPS)[number];
type Getter = (json: unknown) => unknown;

/**
 * One aggregation over all items, one tight loop per operation: items were assigned to
 * groups (`gi`) in a first pass, so each loop stays monomorphic and allocation-free.
 * Returns the result per group and how many values a sum or average left out.
 */
export function column(op: Op, get: Getter | undefined, items: Item[], gi: Int32Array, groups: number): { results: unknown[]; skipped: number } {
  const n = items.length;
  const results: unknown[] = new Array(groups);
  let skipped = 0;
  switch (op) {
    case 'count': {
      const c = new Float64Array(groups);
      for (let i = 0; i < n; i++) if (!get || get(items[i].json) != null) c[gi[i]]++;
      for (let g = 0; g < groups; g++) results[g] = c[g];
      break;
    }
    case 'sum': case 'avg': {
      const sum = new Float64Array(groups);
      const cnt = new Float64Array(groups);
      for (let i = 0; i < n; i++) {
        const v = get!(items[i].json);
        const x = typeof v === 'number' ? v : toNumber(v);
        if (x !== undefined && !Number.isNaN(x)) { sum[gi[i]] += x; cnt[gi[i]]++; } else if (v != null && v !== '') skipped++;
      }
      for (let g = 0; g < groups; g++) results[g] = op === 'sum' ? sum[g] : cnt[g] ? sum[g] / cnt[g] : null;
      break;
    }
    case 'countDistinct': {
      const sets: (Set<string> | undefined)[] = new Array(groups);
      for (let i = 0; i < n; i++) {
        const k = valueKey(get!(items[i].json));
        if (k !== undefined) (sets[gi[i]] ??= new Set()).add(k);
      }
      for (let g = 0; g < groups; g++) results[g] = sets[g]?.size ?? 0;
      break;
    }
    case 'min': case 'max': {
      const best: (SortKey | undefined)[] = new Array(groups);
      const key = sortKey(undefined);
      for (let i = 0; i < n; i++) {
        const v = get!(items[i].json);
        sortKey(v, key);
        if (key.rank === Rank.Missing) continue;
        const g = gi[i];
        const b = best[g];
        // Among mixed types the most numeric wins: the max of 100, 300 and "n/a" is 300.
        if (!b || key.rank < b.rank || (key.rank === b.rank && (op === 'min' ? compareSortKeys(key, b) < 0 : compareSortKeys(key, b) > 0))) {
          best[g] = { rank: key.rank, num: key.num, text: key.text };
          results[g] = v;
        }
      }
      for (let g = 0; g < groups; g++) if (results[g] === undefined) results[g] = null;
      break;
    }
    case 'collect': {
      for (let g = 0; g < groups; g++) results[g] = [];
      for (let i = 0; i < n; i++) {
        const v = get!(items[i].json);
        if (v !== undefined) (results[gi[i]] as unknown[]).push(v);
      }
      break;
    }
    case 'first': case 'last': {
      for (let i = 0; i < n; i++) {
        const v = get!(items[i].json);
        if (v != null && (op === 'last' || results[gi[i]] === undefined)) results[gi[i]] = v;
      }
      for (let g = 0; g < groups; g++) if (results[g] === undefined) results[g] = null;
      break;
    }
  }
  return { results, skipped };
}
