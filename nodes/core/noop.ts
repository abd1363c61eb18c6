import { defineNode, p } from '../../engine/sdk';

export default defineNode({
  type: 'core.noop', version: 1,
  title: 'No Operation', category: 'utility', icon: 'arrow-right',
  description: 'Passes items on unchanged: a place to look at data or to tidy up wiring.',
  inputs: ['main'], outputs: ['main'],
  batching: 'item',
  params: p.object({}),
  execute: (ctx) => ({ main: ctx.items }),
});
