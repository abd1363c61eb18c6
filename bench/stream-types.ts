// Node types for bench/stream.mjs, loaded by the run's own process (RunHostOptions.typesModule):
// the built-in ones, the test streaming source and counting sink, and one that reports the
// process's peak RSS once everything before it is done.
import { defineNode, p } from '../engine/sdk';
import { createRegistry } from '../engine/registry';
import { streamTypes } from '../test/fixtures/stream-nodes';

const peakRss = defineNode({
  type: 'bench.peakRss', version: 1, title: 'Peak RSS', category: 'utility', description: 'reports the process peak RSS',
  inputs: ['main'], outputs: ['main'],
  params: p.object({}),
  execute: (ctx) => ({ main: [ctx.newItem({ ...ctx.items[0]?.json, maxRssKb: process.resourceUsage().maxRSS })] }),
});

export const streamBenchTypes = createRegistry([...streamTypes.all().flatMap((t) => streamTypes.versions(t.type).map((v) => streamTypes.get(t.type, v)!)), peakRss]);

/** The same, with the source's `stream` taken away: defineNode's execute collects its batches, so nothing streams. */
export const wholeBenchTypes = createRegistry(streamBenchTypes.all().flatMap((t) => streamBenchTypes.versions(t.type).map((v) => {
  const type = streamBenchTypes.get(t.type, v)!;
  if (!type.stream) return type;
  const { stream: _stream, ...whole } = type;
  return whole as typeof type;
})));
