import { defineNode, p, pathGetter, type Item } from '../../engine/sdk';
import { collator, Rank, sortKey } from './values';

export default defineNode({
  type: 'core.sort', version: 1,
  title: 'Sort', category: 'transform', icon: 'arrow-up-down',
  description: 'Orders items by one or more fields. Numbers (also as text) sort as numbers, ISO dates as dates, text alphabetically; items missing the field come last.',
  inputs: ['main'], outputs: ['main'],
  params: p.object({
    fields: p.list(p.object({
      field: p.fieldPath().required().literal().describe('The field to sort by, e.g. "amount" or "customer.name".'),
      order: p.select(['asc', 'desc']).default('asc').literal().describe('asc: smallest, earliest or A first; desc: the reverse.'),
    })).literal().min(1).required().describe('Sort by the first field; items equal on it by the second, and so on. Equal items keep their order.'),
  }),
  execute(ctx) {
    const items = ctx.items;
    const n = items.length;
    if (n < 2) return { main: items };
    const fields = ctx.params.fields;
    const f = fields.length;
    // Keys are computed once per item and field (decorate–sort–undecorate), not per comparison.
    const ranks: Uint8Array[] = [];
    const nums: Float64Array[] = [];
    const texts: string[][] = [];
    const dirs: number[] = [];
    const key = sortKey(undefined);
    for (let k = 0; k < f; k++) {
      const get = pathGetter(fields[k].field);
      const r = new Uint8Array(n);
      const num = new Float64Array(n);
      const text: string[] = new Array(n);
      for (let i = 0; i < n; i++) {
        sortKey(get(items[i].json), key);
        r[i] = key.rank;
        num[i] = key.num;
        text[i] = key.text;
      }
      ranks.push(r); nums.push(num); texts.push(text); dirs.push(fields[k].order === 'desc' ? -1 : 1);
    }
    const order: number[] = new Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((x, y) => {
      for (let k = 0; k < f; k++) {
        const rx = ranks[k][x];
        const ry = ranks[k][y];
        if (rx !== ry) {
          // Missing values come last whichever the direction.
          if (rx === Rank.Missing) return 1;
          if (ry === Rank.Missing) return -1;
          return (rx - ry) * dirs[k];
        }
        if (rx === Rank.Missing) continue;
        let c: number;
        if (rx === Rank.Text || rx === Rank.Other) c = collator.compare(texts[k][x], texts[k][y]);
        else { const a = nums[k][x]; const b = nums[k][y]; c = a < b ? -1 : a > b ? 1 : 0; }
        if (c !== 0) return c * dirs[k];
      }
      return x - y;
    });
    const out: Item[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = items[order[i]];
    return { main: out };
  },
});
