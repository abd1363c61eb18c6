import { defineNode, p, type Item } from '../../engine/sdk';

export default defineNode({
  type: 'core.dedupe', version: 1,
  title: 'Remove Duplicates', category: 'transform', icon: 'copy-minus',
  description: 'Keeps one item per key; the others leave through "dropped".',
  inputs: ['main'], outputs: ['main', 'dropped'],
  params: p.object({
    key: p.variant('by', {
      wholeItem: {},
      fields: { fields: p.list(p.fieldPath()).min(1).required().describe('Fields that together form the key.') },
    }).default({ by: 'wholeItem' }).describe('Compare whole items, or only some of their fields.'),
    keep: p.select(['first', 'last']).default('first').literal().describe('Which duplicate survives.'),
  }),
  // Inferred, never written: { key: { by: 'wholeItem' } | { by: 'fields'; fields: string[] }; keep: 'first' | 'last' }
  execute(ctx) {
    const kept = new Map<string, Item>();
    const dropped: Item[] = [];
    for (const { item, params } of ctx.each()) {
      const key = params.key.by === 'fields' ? ctx.keyOf(item, params.key.fields) : ctx.keyOf(item);
      const earlier = kept.get(key);
      if (!earlier) kept.set(key, item);
      else if (params.keep === 'last') { kept.set(key, item); dropped.push(earlier); }
      else dropped.push(item);
    }
    return { main: [...kept.values()], dropped };
  },
});
