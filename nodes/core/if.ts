import { defineNode, p, type Item } from '../../engine/sdk';
import { compileWhen, whenField } from './conditions';

export default defineNode({
  type: 'core.if', version: 1,
  title: 'If', category: 'flow', icon: 'git-branch',
  description: 'Sends each item to "true" when your conditions hold and to "false" when they do not.',
  inputs: ['main'], outputs: ['true', 'false'],
  params: p.object({ when: whenField() }),
  execute(ctx) {
    const yes: Item[] = [];
    const no: Item[] = [];
    if (!ctx.items.length) return { true: yes, false: no };
    const test = compileWhen(ctx.params.when, 'params.when', ctx.fail);
    for (const { item, index, params } of ctx.each()) (test(params.when, index) ? yes : no).push(item);
    return { true: yes, false: no };
  },
});
