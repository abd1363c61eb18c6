// Streamed runs in the run's own process (what `junction run` and the editor use): items per
// second and that process's peak RSS for a source streaming N small items through Edit Fields
// and Filter into a counting sink; and, for scale, the same flow with the source collected
// first (no streaming) at a tenth of the size.
import { pathToFileURL } from 'node:url';
import { createRunHost } from '../engine/worker';
import { buildFlow } from '../test/fixtures/flow-builder';

function flow(items: number) {
  return buildFlow([
    { name: 'Stream', type: 'test.stream', params: { batches: items / 1_000, size: 1_000, isTraced: false } },
    { name: 'Edit', type: 'core.set', params: { fields: [{ name: 'double', value: '{{ $json.n * 2 }}' }, { name: 'label', value: 'row {{ $json.n }}' }] } },
    { name: 'Filter', type: 'core.filter', params: { when: { mode: 'expression', condition: '{{ $json.group !== 3 }}' } } },
    { name: 'Sink', type: 'test.countSink', params: { isTraced: false } },
    { name: 'Peak', type: 'bench.peakRss' },
  ], ['Stream -> Edit', 'Edit -> Filter', 'Filter -> Sink', 'Sink -> Peak'], { id: `stream_${items}` });
}

/** `wholeTypes`: the same types with the source's `stream` removed (its batches are collected first). */
export async function measureStream(typesUrl: string, items: number, exportName = 'streamBenchTypes') {
  // The run process as the CLI starts it (its default heap cap).
  const host = createRunHost({ typesModule: { url: typesUrl, exportName } });
  try {
    const t0 = performance.now();
    const r = await host.run(flow(items), { mode: 'test', outputsOf: ['Peak'] });
    const wallMs = performance.now() - t0;
    if (r.status !== 'success') throw new Error(`the streamed benchmark run ${r.status}: ${r.error?.message}`);
    const out = r.outputs.get('Peak')!.main[0].json as { count: number; maxRssKb: number };
    return { items, kept: out.count, runMs: r.durationMs, wallMs, itemsPerSecond: Math.round(items / (r.durationMs / 1000)), peakRssMb: out.maxRssKb / 1024 };
  } finally {
    host.close();
  }
}

export const typesUrlOf = (path: string) => pathToFileURL(path).href;
