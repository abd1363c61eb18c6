import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../registry';
import { streamSource } from '../../test/fixtures/stream-nodes';
import { catalogMarkdown, describeNode } from '.';

describe('catalog: streaming', () => {
  const of = (type: string) => describeNode(builtinRegistry().get(type, 1)!);

  it('says which nodes handle batches, which collect all items, and which stream', () => {
    for (const t of ['core.set', 'core.filter', 'core.if', 'core.switch', 'core.splitOut', 'core.noop']) expect(of(t).streaming).toBe('batch');
    for (const t of ['core.sort', 'core.aggregate', 'core.dedupe', 'core.merge', 'core.loop', 'core.limit', 'core.code']) expect(of(t).streaming).toBe('collect');
    expect(of('trigger.manual').streaming).toBeUndefined();
    expect(describeNode(streamSource).streaming).toBe('source');
    const md = catalogMarkdown([of('core.sort'), of('core.filter')]);
    expect(md).toMatch(/## Sort[^#]*Collects all items before it runs\./);
    expect(md).toMatch(/## Filter[^#]*Handles each batch as it arrives in a streamed run\./);
  });
});
