import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import manualTrigger from './manual-trigger';

describe('trigger.manual', () => {
  it('is a trigger with no inputs', () => {
    expect(manualTrigger.isTrigger).toBe(true);
    expect(manualTrigger.inputs).toEqual([]);
    expect(manualTrigger.outputsFor({})).toEqual(['main']);
  });

  it('passes the run\'s initial items on', async () => {
    const items = [{ json: { hello: 'world' } }];
    const { outputs: out } = await runNode(manualTrigger, { inputs: { main: items } });
    expect(out.main).toEqual(items);
    expect(out.main[0]).toBe(items[0]);
  });
});
