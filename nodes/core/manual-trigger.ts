import { defineNode, p } from '../../engine/sdk';

export default defineNode({
  type: 'trigger.manual', version: 1,
  title: 'Manual Trigger', category: 'trigger', icon: 'play',
  description: 'Starts the flow when you press Run in the editor or run it from the terminal; passes on the run\'s input items.',
  isTrigger: true,
  inputs: [], outputs: ['main'],
  params: p.object({}),
  // The executor feeds the run's initial items in as this node's input.
  execute: (ctx) => ({ main: ctx.items }),
});
