import { defineNode, p } from '../../engine/sdk';
import { splitByWhen, whenField, whenProblems } from './conditions';

export default defineNode({
  type: 'core.if', version: 1,
  title: 'If', category: 'flow', icon: 'git-branch',
  description: 'Sends each item to "true" when your conditions hold and to "false" when they do not.',
  inputs: ['main'], outputs: ['true', 'false'],
  batching: 'item',
  params: p.object({ when: whenField() }),
  check: (v) => whenProblems(v.when, 'params.when'),
  execute(ctx) {
    const [pass, rest] = splitByWhen(ctx);
    return { true: pass, false: rest };
  },
});
