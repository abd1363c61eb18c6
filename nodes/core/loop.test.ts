import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import loop from './loop';

describe('core.loop', () => {
  it('is a control node the executor drives, with batch and done outputs', () => {
    expect(loop.control).toBe('loop');
    expect(loop.outputsFor({})).toEqual(['batch', 'done']);
    expect(loop.validate({}).value).toEqual({ batchSize: 10 });
    expect(loop.validate({ batchSize: '{{ $json.n }}' }).problems[0].code).toBe('param.literal');
  });

  it('fails as an engine bug if it is ever run like a plain node', async () => {
    await expect(runNode(loop, { items: [{}] })).rejects.toMatchObject({ code: 'engine.bug' });
  });
});
