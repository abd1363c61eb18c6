import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import placeholder from './placeholder';

describe('import.placeholder', () => {
  it('refuses to run and says what the node was and what to do', async () => {
    await expect(runNode(placeholder, { params: { sourceTool: 'node-red', sourceType: 'mqtt in', parameters: '{}' }, items: [{}] }))
      .rejects.toThrow("This node was a Node-RED 'mqtt in' node, which Junction has no equivalent for; replace it or delete it.");
  });

  it('has as many outputs as the source node wired', () => {
    expect(placeholder.outputsFor({ outputs: 3 })).toEqual(['main', 'output2', 'output3']);
    expect(placeholder.outputsFor({})).toEqual(['main']);
  });
});
