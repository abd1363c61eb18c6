import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { setHeapProbe, streamTypes } from '../../test/fixtures/stream-nodes';
import { runFlow } from './run-flow';

// A full collection before each reading, so the figure is what is still reachable, not garbage.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ITEMS = 2_000_000;
const ITEM_BYTES = 200;
const MB = 1024 * 1024;

describe('streamed runs: memory', () => {
  afterEach(() => setHeapProbe(undefined));

  it(`keeps the heap flat while ${ITEMS.toLocaleString('en-US')} items of about ${ITEM_BYTES} bytes pass through Edit Fields and Filter`, async () => {
    const flow = buildFlow([
      { name: 'Stream', type: 'test.stream', params: { batches: ITEMS / 1_000, size: 1_000, bytes: ITEM_BYTES, isTraced: false } },
      { name: 'Edit', type: 'core.set', params: { fields: [{ name: 'double', value: '{{ $json.n * 2 }}' }, { name: 'label', value: 'row {{ $json.n }}' }] } },
      { name: 'Filter', type: 'core.filter', params: { when: { mode: 'expression', condition: '{{ $json.group !== 3 }}' } } },
      { name: 'Sink', type: 'test.countSink', params: { isTraced: false, gcEvery: 100 } },
    ], ['Stream -> Edit', 'Edit -> Filter', 'Filter -> Sink']);
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let readings = 0;
    setHeapProbe(() => { gc(); readings++; peak = Math.max(peak, process.memoryUsage().heapUsed - baseline); });
    const r = await runFlow(flow, { types: streamTypes });
    expect(r.status).toBe('success');
    const kept = ITEMS - Math.ceil((ITEMS - 3) / 7);
    expect(r.outputs.get('Sink')!.main[0].json).toEqual({ count: kept });
    expect(readings).toBe(Math.floor((ITEMS / 1_000) / 100));
    // The data is ITEMS × ITEM_BYTES = 400 MB of JSON: what stays reachable is a batch and the samples.
    console.log(`heap above baseline: at most ${(peak / MB).toFixed(1)} MB over ${readings} readings, for ${((ITEMS * ITEM_BYTES) / MB).toFixed(0)} MB of data`);
    expect(peak).toBeLessThan(32 * MB);
  }, 180_000);
});
