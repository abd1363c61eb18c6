import { defineNode, p } from '../../engine/sdk';
import { splitByWhen, whenField, whenProblems } from './conditions';

export default defineNode({
  type: 'core.filter', version: 1,
  title: 'Filter', category: 'flow', icon: 'filter',
  description: 'Keeps the items that meet your conditions; the others leave through "discarded".',
  inputs: ['main'], outputs: ['main', 'discarded'],
  batching: 'item', // the conditions look at one item at a time
  params: p.object({ when: whenField() }),
  check: (v) => whenProblems(v.when, 'params.when'),
  execute(ctx) {
    const [pass, rest] = splitByWhen(ctx);
    return { main: pass, discarded: rest };
  },
});
