import { assignJson, defineNode, newItem, p, pathGetter, type Item } from '../../engine/sdk';
import { primitiveKey } from './values';

/** a's fields, then b's (b wins on a clash); the new item stems from both, binary data included. */
function combine(a: Item, b: Item): Item {
  return newItem(assignJson(assignJson({}, a.json), b.json), [a, b]);
}

function byPosition(a: Item[], b: Item[], includeUnpaired: boolean): Item[] {
  const n = Math.min(a.length, b.length);
  const out: Item[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = combine(a[i], b[i]);
  if (includeUnpaired) {
    const rest = a.length > n ? a : b;
    for (let i = n; i < rest.length; i++) out.push(rest[i]);
  }
  return out;
}

/**
 * A hash join, O(a + b). Duplicate keys give every combination, as in SQL; missing keys
 * never match. 7 and "7" meet, "007" and "7" do not.
 */
function byKey(a: Item[], b: Item[], keyA: string, keyB: string, join: 'inner' | 'left' | 'outer'): Item[] {
  const getA = pathGetter(keyA);
  const getB = pathGetter(keyB);
  // A key's single match is stored as its position; only duplicate keys get a list.
  const index = new Map<unknown, number | number[]>();
  for (let j = 0; j < b.length; j++) {
    const k = primitiveKey(getB(b[j].json));
    if (k === undefined) continue;
    const hit = index.get(k);
    if (hit === undefined) index.set(k, j);
    else if (typeof hit === 'number') index.set(k, [hit, j]);
    else hit.push(j);
  }
  const matched = join === 'outer' ? new Uint8Array(b.length) : undefined;
  const out: Item[] = [];
  for (let i = 0; i < a.length; i++) {
    const k = primitiveKey(getA(a[i].json));
    const hit = k === undefined ? undefined : index.get(k);
    if (hit === undefined) { if (join !== 'inner') out.push(a[i]); continue; }
    if (typeof hit === 'number') {
      out.push(combine(a[i], b[hit]));
      if (matched) matched[hit] = 1;
      continue;
    }
    for (let m = 0; m < hit.length; m++) {
      out.push(combine(a[i], b[hit[m]]));
      if (matched) matched[hit[m]] = 1;
    }
  }
  if (matched) for (let j = 0; j < b.length; j++) if (!matched[j]) out.push(b[j]);
  return out;
}

export default defineNode({
  type: 'core.merge', version: 1,
  title: 'Merge', category: 'flow', icon: 'merge',
  description: 'Combines the items of inputs "a" and "b": one after the other, pair by pair, joined on a key, or whichever arrives first.',
  inputs: ['a', 'b'], outputs: ['main'],
  params: p.object({
    mode: p.select(['append', 'byPosition', 'byKey', 'first']).default('append').literal().describe(
      'append: a\'s items, then b\'s. byPosition: the 1st of a with the 1st of b, and so on. '
      + 'byKey: items whose key fields are equal are joined. first: the items of whichever input delivers first.',
    ),
    includeUnpaired: p.boolean().default(false).literal().showWhen({ mode: ['byPosition'] })
      .describe('When one input has more items, pass the extra ones on unchanged instead of dropping them.'),
    keyA: p.fieldPath().required().literal().showWhen({ mode: ['byKey'] }).describe('The key field in items of input a, e.g. "customerId".'),
    keyB: p.fieldPath().required().literal().showWhen({ mode: ['byKey'] }).describe('The key field in items of input b, e.g. "id".'),
    join: p.select(['inner', 'left', 'outer']).default('inner').literal().showWhen({ mode: ['byKey'] }).describe(
      'inner: only items with a match. left: every item of a, joined where b has a match. '
      + 'outer: every item of both, joined where they match. Where both have a field, b\'s value wins.',
    ),
  }),
  settle: (params) => (params?.mode === 'first' ? 'first' : 'all'),
  execute(ctx) {
    const a = ctx.inputs.a ?? [];
    const b = ctx.inputs.b ?? [];
    const params = ctx.params;
    switch (params.mode) {
      case 'first': return { main: a.length ? a : b };
      case 'byPosition': return { main: byPosition(a, b, params.includeUnpaired) };
      case 'byKey': {
        const { keyA, keyB } = params;
        if (!keyA || !keyB) return ctx.fail('byKey needs a key field for both inputs', { code: 'param.required', path: keyA ? 'params.keyB' : 'params.keyA' });
        return { main: byKey(a, b, keyA, keyB, params.join) };
      }
      default: return { main: !a.length ? b : !b.length ? a : a.concat(b) };
    }
  },
});
