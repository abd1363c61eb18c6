import { defineNode, p } from '../../engine/sdk';

export default defineNode({
  type: 'core.limit', version: 1,
  title: 'Limit', category: 'transform', icon: 'list-end',
  description: 'Passes on at most a given number of items, from the start or from the end.',
  inputs: ['main'], outputs: ['main'],
  // Collects: which items are the first (or last) N depends on every item before them.
  params: p.object({
    maxItems: p.number().int().min(1).default(10).describe('How many items to keep at most.'),
    keep: p.select(['first', 'last']).default('first').literal().describe('Keep the first items or the last ones.'),
  }),
  execute(ctx) {
    const items = ctx.items;
    if (!items.length) return { main: items };
    const { maxItems, keep } = ctx.params;
    if (items.length <= maxItems) return { main: items };
    return { main: keep === 'last' ? items.slice(items.length - maxItems) : items.slice(0, maxItems) };
  },
});
