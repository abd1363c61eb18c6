import { defineNode, p } from '../../engine/sdk';

export default defineNode({
  type: 'core.stickyNote', version: 1,
  title: 'Sticky Note', category: 'annotation', icon: 'sticky-note',
  description: 'A note on the canvas to explain part of a flow. It is never run.',
  isEditorOnly: true,
  inputs: [], outputs: [],
  params: p.object({
    text: p.string().multiline().literal().default('').describe('What the note says; Markdown is allowed.'),
    color: p.select(['yellow', 'blue', 'green', 'pink', 'purple', 'gray']).default('yellow').literal().describe('The note\'s colour.'),
  }),
  execute: (ctx) => ctx.fail('A sticky note is never run; the executor should have left it out', { code: 'engine.bug' }),
});
