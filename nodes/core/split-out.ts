import { assignJson, defineNode, p, pathGetter, pathParts, putKey, setPath, type Item } from '../../engine/sdk';
import type { Json } from './values';

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A shallow copy of `json` without the field at `parts`; objects on the way are copied, not changed. */
function without(json: Json, parts: string[]): Json {
  const out = assignJson({}, json);
  let src = json;
  let dst = out;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = src[parts[i]];
    if (!isObject(next)) return out;
    const copy = assignJson({}, next);
    dst[parts[i]] = copy;
    src = next;
    dst = copy;
  }
  delete dst[parts[parts.length - 1]];
  return out;
}

export default defineNode({
  type: 'core.splitOut', version: 1,
  title: 'Split Out', category: 'transform', icon: 'ungroup',
  description: 'Turns each element of a list field into its own item, e.g. one item per order line.',
  inputs: ['main'], outputs: ['main'],
  batching: 'item', // one item's list becomes that item's new items
  params: p.object({
    field: p.fieldPath().required().literal().describe('The list to split, e.g. "lines" or "order.lines". A single value counts as a list of one; items without it give nothing.'),
    include: p.select(['none', 'allOtherFields', 'selected']).default('none').literal().describe(
      'Which other fields of the item each new item carries: none, all of them, or the ones you select.',
    ),
    fields: p.list(p.fieldPath().literal()).literal().default([]).showWhen({ include: ['selected'] }).describe('The fields to carry along.'),
    destination: p.string().literal().describe(
      'The field each element goes into. Leave empty to put an object element\'s fields at the top level (other elements go into a field named like the list).',
    ),
  }),
  execute(ctx) {
    const { field, include, fields, destination } = ctx.params;
    const parts = pathParts(field);
    const get = pathGetter(field);
    const name = destination || parts[parts.length - 1] || 'value';
    const selected = include === 'selected' ? fields.map((f) => ({ get: pathGetter(f), parts: pathParts(f) })) : [];
    const out: Item[] = [];
    let missing = 0;
    for (const item of ctx.items) {
      const value = get(item.json);
      if (value === undefined || value === null) { missing++; continue; }
      const list = Array.isArray(value) ? value : [value];
      let base: Json | undefined;
      if (include === 'allOtherFields') base = without(item.json, parts);
      else if (selected.length) {
        base = {};
        for (const s of selected) { const v = s.get(item.json); if (v !== undefined) setPath(base, s.parts, v); }
      }
      const from = [item];
      for (let i = 0; i < list.length; i++) {
        const element = list[i];
        const json: Json = base ? assignJson({}, base) : {};
        if (!destination && isObject(element)) assignJson(json, element);
        else putKey(json, name, element);
        out.push(ctx.newItem(json, from));
      }
    }
    if (missing) ctx.log.warn(`${missing} of ${ctx.items.length} items had no "${field}"; they gave no items`);
    return { main: out };
  },
});
