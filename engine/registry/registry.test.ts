import { describe, expect, it } from 'vitest';
import { defineNode, p } from '../sdk';
import { builtinRegistry, nodeTypesOf } from './index';

const node = defineNode({
  type: 'test.thing', version: 1, title: 'Thing', category: 'utility', description: 'd', inputs: ['main'], outputs: ['main'],
  params: p.object({}), execute: () => ({ main: [] }),
});

describe('node discovery', () => {
  it('takes default exports and passes over helper modules', () => {
    expect(nodeTypesOf([{ file: 'nodes/x/thing.ts', module: { default: node } }, { file: 'nodes/x/helpers.ts', module: { toText: String } }])).toEqual([node]);
  });

  it('fails loudly, naming the file, when a node type has no default export', () => {
    expect(() => nodeTypesOf([{ file: 'nodes/x/thing.ts', module: { thing: node } }]))
      .toThrow('nodes/x/thing.ts: declares a node type (thing) but has no default export; write export default');
  });

  it('fails loudly when a default export is not a node type', () => {
    expect(() => nodeTypesOf([{ file: 'nodes/x/oops.ts', module: { default: { type: 'x' } } }])).toThrow(/nodes\/x\/oops\.ts: the default export is not a node type/);
  });

  it('finds every shipped node', () => {
    expect(builtinRegistry().all().length).toBeGreaterThan(10);
  });
});
