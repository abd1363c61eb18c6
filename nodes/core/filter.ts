import { defineNode, p, type Item } from '../../engine/sdk';
import { compileWhen, whenField } from './conditions';

export default defineNode({
  type: 'core.filter', version: 1,
  title: 'Filter', category: 'flow', icon: 'filter',
  description: 'Keeps the items that meet your conditions; the others leave through "discarded".',
  inputs: ['main'], outputs: ['main', 'discarded'],
  params: p.object({ when: whenField() }),
  execute(ctx) {
    const kept: Item[] = [];
    const discarded: Item[] = [];
    if (!ctx.items.length) return { main: kept, discarded };
    const test = compileWhen(ctx.params.when, 'params.when', ctx.fail);
    for (const { item, index, params } of ctx.each()) (test(params.when, index) ? kept : discarded).push(item);
    return { main: kept, discarded };
  },
});
