import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import type { EngineEvent } from '../exec';
import type { NodeData } from './protocol';
import { createRunHost } from './run-host';

describe('a streamed run in its own process', () => {
  it('sends back each streamed node\'s first items with the exact counts, never every item', async () => {
    const host = createRunHost({ typesModule: { url: process.env.JUNCTION_TEST_STREAM_TYPES_MODULE!, exportName: 'streamTypes' } });
    const flow = buildFlow([
      { name: 'Stream', type: 'test.stream', params: { batches: 100, size: 1_000, isTraced: false } },
      { name: 'Edit', type: 'core.set', params: { fields: [{ name: 'double', value: '{{ $json.n * 2 }}' }] } },
      { name: 'Sink', type: 'test.countSink', params: { isTraced: false } },
    ], ['Stream -> Edit', 'Edit -> Sink']);
    const entries: NodeData[] = [];
    const events: EngineEvent[] = [];
    try {
      const r = await host.run(flow, { mode: 'test', keepData: true, onData: (e) => entries.push(...e), onEvent: (e) => events.push(e) });
      expect(r.status).toBe('success');
      const edit = entries.find((e) => e.nodeId === 'Edit')!;
      expect(edit.output.main).toHaveLength(1_000);
      expect(edit.output.main[999].json).toMatchObject({ n: 999, double: 1_998 });
      expect(edit.totals).toEqual({ input: { main: 100_000 }, output: { main: 100_000, error: 0 } });
      expect(r.samples?.get('Edit')).toEqual({ main: 100_000, error: 0 });
      expect(r.outputs.get('Sink')!.main.map((i) => i.json)).toEqual([{ count: 100_000 }]);
      expect(events.find((e) => e.type === 'node.finished' && e.nodeId === 'Edit')).toMatchObject({ itemsIn: { main: 100_000 }, itemsOut: { main: 100_000 } });
      expect(events.some((e) => e.type === 'node.progress')).toBe(true);
    } finally {
      host.close();
    }
  });
});
