import { defineNode, p, pathGetter, pathParts, putKey, setPath, type Item } from '../../engine/sdk';
import { column, OPS } from './aggregate-columns';
import { valueKey, type Json } from './values';

export default defineNode({
  type: 'core.aggregate', version: 1,
  title: 'Aggregate', category: 'transform', icon: 'sigma',
  description: 'Groups items by fields and computes counts, sums, averages, minimums, maximums or lists per group: one item per group.',
  inputs: ['main'], outputs: ['main'],
  params: p.object({
    groupBy: p.list(p.fieldPath().literal()).literal().default([]).describe(
      'Fields whose values form a group, e.g. "country". Leave empty to aggregate all items into one. Groups appear in the order they are first seen.',
    ),
    aggregations: p.list(p.object({
      field: p.fieldPath().literal().describe('The field to aggregate, e.g. "amount". For count, leave empty to count items.'),
      op: p.select(OPS).default('count').literal().label('Operation').describe(
        'count: values present (or items); countDistinct: different values; sum and avg: of numbers, numeric text included; '
        + 'min and max: numbers, dates or text; collect: all values as a list; first and last: the first or last value present.',
      ),
      as: p.string().literal().label('Output field').describe('The output field\'s name; by default the operation and field, e.g. "sum_amount".'),
    })).literal().default([]).describe('What to compute for each group.'),
  }),
  execute(ctx) {
    const items = ctx.items;
    const n = items.length;
    const { groupBy, aggregations } = ctx.params;
    aggregations.forEach((a, i) => {
      if (!a.field && a.op !== 'count') ctx.fail(`${a.op} needs a field`, { code: 'param.required', path: `params.aggregations[${i}].field` });
    });
    const getters = groupBy.map((path) => pathGetter(path));
    const f = getters.length;

    // Pass 1: the group of every item, in order of first appearance. Missing values form a group of their own.
    const gi = new Int32Array(n);
    const members: Item[][] = [];
    const byKey = new Map<string, number>();
    // With one group field most values are primitives met again and again: a hit on the raw
    // value skips building the canonical key (the one that makes 7 and "7" one group).
    const byRaw = new Map<unknown, number>();
    const groupOf = (key: string, item: Item): number => {
      let g = byKey.get(key);
      if (g === undefined) { g = members.length; byKey.set(key, g); members.push([]); }
      members[g].push(item);
      return g;
    };
    for (let i = 0; i < n; i++) {
      const item = items[i];
      if (f === 0) { gi[i] = 0; (members[0] ??= []).push(item); continue; }
      if (f === 1) {
        const v = getters[0](item.json);
        const isPrimitive = typeof v !== 'object' || v === null;
        const hit = isPrimitive ? byRaw.get(v) : undefined;
        if (hit !== undefined) { gi[i] = hit; members[hit].push(item); continue; }
        gi[i] = groupOf(valueKey(v) ?? '', item);
        if (isPrimitive) byRaw.set(v, gi[i]);
        continue;
      }
      // Each part is length-prefixed so no value can imitate a separator.
      let key = '';
      for (let k = 0; k < f; k++) { const part = valueKey(getters[k](item.json)) ?? ''; key += `${part.length}:${part}`; }
      gi[i] = groupOf(key, item);
    }
    // Like SQL without GROUP BY: no items still give one row (count 0).
    if (!members.length && f === 0) members.push([]);

    // Pass 2: one loop per aggregation.
    const groups = members.length;
    const names: string[] = [];
    const columns: unknown[][] = [];
    for (const a of aggregations) {
      const name = a.as || (a.field ? `${a.op}_${a.field.replace(/[.[\]]+/g, '_').replace(/_$/, '')}` : a.op);
      const { results, skipped } = column(a.op, a.field ? pathGetter(a.field) : undefined, items, gi, groups);
      if (skipped) ctx.log.warn(`${name} left out ${skipped} ${skipped === 1 ? 'value' : 'values'} of "${a.field}" that ${skipped === 1 ? 'is' : 'are'} not a number`);
      names.push(name);
      columns.push(results);
    }

    const parts = groupBy.map((path) => pathParts(path));
    const out: Item[] = new Array(groups);
    for (let g = 0; g < groups; g++) {
      const json: Json = {};
      const first = members[g][0];
      for (let k = 0; k < f; k++) setPath(json, parts[k], getters[k](first.json) ?? null);
      for (let k = 0; k < names.length; k++) putKey(json, names[k], columns[k][g]);
      out[g] = ctx.newItem(json, members[g]);
    }
    return { main: out };
  },
});
