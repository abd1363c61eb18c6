import { defineNode, p } from '../../engine/sdk';

export default defineNode({
  type: 'core.loop', version: 1,
  title: 'Loop Over Items', category: 'flow', icon: 'repeat',
  description: 'Runs the nodes on "batch" once per batch of items, in order; what comes back to the loop leaves through "done" after the last batch.',
  control: 'loop',
  inputs: ['main'], outputs: ['batch', 'done'],
  params: p.object({
    batchSize: p.number().int().min(1).default(10).literal().describe('How many items each pass through the loop gets.'),
  }),
  // The executor drives loops itself (engine/exec/loop.ts); reaching this is a bug.
  execute: (ctx) => ctx.fail('The Loop node was run like a plain node; the executor should drive it', { code: 'engine.bug' }),
});
