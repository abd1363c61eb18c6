import { defineNode, p } from '../../engine/sdk';

/**
 * Stands in for an imported node Junction has no equivalent of. It keeps the original type and
 * parameters (secrets already removed by the importer) so nothing is lost, keeps the node's
 * connections (as many outputs as the source wired), and refuses to run with what to do instead.
 */
export default defineNode({
  type: 'import.placeholder', version: 1,
  title: 'Imported node (no equivalent)', category: 'utility', icon: 'alert-triangle',
  description: 'An imported node Junction has no equivalent for. It holds the original type and settings and fails when the flow reaches it: replace it or delete it.',
  inputs: ['main'],
  outputs: ({ outputs }) => {
    const count = Number.isInteger(outputs) ? Math.min(Math.max(outputs, 1), 64) : 1;
    return Array.from({ length: count }, (_, i) => (i === 0 ? 'main' : `output${i + 1}`));
  },
  params: p.object({
    sourceTool: p.select(['n8n', 'node-red']).default('n8n').literal().describe('The tool the node came from.'),
    sourceType: p.string().literal().default('').describe('The node\'s type in that tool.'),
    sourceVersion: p.number().default(1).literal().describe('The node\'s type version in that tool.'),
    reason: p.string().multiline().literal().default('').describe('Why it could not be mapped.'),
    parameters: p.string().multiline().literal().default('{}').describe('The original parameters as JSON, kept for reference (secrets removed); never evaluated.'),
    outputs: p.number().int().min(1).max(64).default(1).literal().describe('How many outputs the original node had wired.'),
  }),
  execute(ctx) {
    const { sourceTool, sourceType } = ctx.params;
    const tool = sourceTool === 'node-red' ? 'a Node-RED' : 'an n8n';
    return ctx.fail(
      `This node was ${tool} '${sourceType}' node, which Junction has no equivalent for; replace it or delete it.`,
      { code: 'import.placeholder' },
    );
  },
});
