import { describe, expect, it } from 'vitest';
import { importFile, PLACEHOLDER_TYPE } from '../../engine/import';
import { runNode } from '../../engine/sdk/testing';
import placeholder from '../../nodes/import/placeholder';
import { n8nWorkflow } from './run-imported';

const sentence = (text: string, from?: 'n8n' | 'node-red') => {
  try {
    importFile(text, { from });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('imported');
};

describe('bad input gets one clear sentence, never a stack trace', () => {
  it('refuses text that is neither format', () => {
    expect(sentence('hello world')).toBe('This is not an n8n workflow or a Node-RED export: it is not JSON.');
    expect(sentence('{"name": "x"}')).toMatch(/^This is neither an n8n workflow .* nor a Node-RED export/);
    expect(sentence('[1, 2]')).toMatch(/^This is neither/);
    expect(sentence('')).toBe('The file is empty.');
  });

  it('says a truncated export is cut off', () => {
    const full = n8nWorkflow([{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' }], []);
    expect(sentence(full.slice(0, full.length - 20))).toMatch(/looks cut off/);
  });

  it('refuses the wrong --from, and Node-RED until its importer is in the build', () => {
    expect(sentence('[{"id":"a","type":"inject","z":"t","wires":[[]]}]', 'n8n')).toMatch(/^This is not an n8n workflow/);
    expect(sentence('{"nodes":[],"connections":{}}', 'node-red')).toMatch(/^This is not a Node-RED export/);
    expect(sentence('{"nodes":[],"connections":{}}')).toBe('The n8n workflow holds no nodes to import.');
  });

  it('imports what it can when connections name missing nodes or nodes are malformed, and reports the rest', () => {
    const doc = JSON.parse(n8nWorkflow([{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' }, { name: 'Next', type: 'n8n-nodes-base.noOp' }], ['Start -> Next', 'Start -> Ghost', 'Phantom -> Next']));
    doc.nodes.push({ type: 'n8n-nodes-base.noOp' }, 'junk');
    const [flow] = importFile(JSON.stringify(doc)).flows;
    expect(flow.flow.edges).toHaveLength(1);
    expect(flow.notes.filter((n) => n.kind === 'connection').map((n) => n.path)).toEqual(['$.connections["Start"].main[0][1]', '$.connections["Phantom"]']);
    expect(flow.nodes.filter((n) => n.outcome === 'dropped').map((n) => n.path)).toEqual(['$.nodes[2]', '$.nodes[3]']);
  });

  it('turns an unknown node into a placeholder that keeps its type and parameters and refuses to run', async () => {
    const text = n8nWorkflow([{ name: 'Post', type: 'n8n-nodes-base.slack', typeVersion: 2, parameters: { channel: '#sales', text: '={{ $json.msg }}' } }], []);
    const [flow] = importFile(text).flows;
    const node = flow.flow.nodes[0];
    expect(node.type).toBe(PLACEHOLDER_TYPE);
    expect(node.params).toMatchObject({ sourceTool: 'n8n', sourceType: 'n8n-nodes-base.slack', sourceVersion: 2 });
    expect(JSON.parse(String(node.params.parameters))).toEqual({ channel: '#sales', text: '={{ $json.msg }}' });
    expect(flow.notes[0]).toMatchObject({ kind: 'node', path: '$.nodes[0]', nodeId: node.id });
    await expect(runNode(placeholder, { params: node.params, items: [{}] }))
      .rejects.toThrow("This node was an n8n 'n8n-nodes-base.slack' node, which Junction has no equivalent for; replace it or delete it.");
    expect(placeholder.type).toBe(PLACEHOLDER_TYPE);
  });

  it('never lets an inline secret or a credential value into the flow', () => {
    const text = JSON.stringify({
      nodes: [{
        name: 'Call', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [0, 0],
        parameters: {
          url: 'https://user:hunter22@api.example.com/v1?api_key=sk_live_123456&page=2', sendHeaders: true,
          headerParameters: { parameters: [{ name: 'Authorization', value: 'Bearer abcdef123456' }, { name: 'Accept', value: 'application/json' }] },
        },
        credentials: { httpHeaderAuth: { id: '7', name: 'Vendor key', data: { value: 'cred-secret-999' } } },
      }],
      connections: {},
    });
    const [flow] = importFile(text).flows;
    const out = JSON.stringify(flow.flow);
    for (const secret of ['hunter22', 'sk_live_123456', 'abcdef123456', 'cred-secret-999']) expect(out).not.toContain(secret);
    expect(flow.flow.nodes[0].params).toMatchObject({ url: 'https://user:@api.example.com/v1?api_key=&page=2', headers: { Authorization: '', Accept: 'application/json' } });
    expect(flow.connections).toEqual([{ id: 'n8n-7', type: 'apiKey', name: 'Vendor key' }]);
    expect(flow.notes.filter((n) => n.kind === 'credential' && n.severity === 'warning').map((n) => n.path)).toEqual([
      '$.nodes[0].parameters.url', '$.nodes[0].parameters.headerParameters.parameters[0].value',
    ]);
  });
});
