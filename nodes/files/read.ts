import { basename } from 'node:path';
import { defineNode, type Infer, type Item, type NodeContext, type Outputs } from '../../engine/sdk';
import { readRows } from './open-reader';
import { fileToRead } from './file-paths';
import { readParams } from './read-params';
import { binarySource, fileSource, type ByteSource } from './source';

/** Items per yielded batch: big enough to amortise the per-batch work, small enough to keep memory flat. */
export const READ_BATCH = 2000;

type Params = Exclude<Infer<typeof readParams>, undefined>;

/** The sources to read: one per distinct path (or each input item's binary data), with the item it came from. */
async function* sourcesOf(ctx: NodeContext<Params>): AsyncGenerator<{ source: ByteSource; from?: Item }> {
  const written = ctx.paramsAsWritten.source;
  if (written.from === 'path' && !String(written.path ?? '').includes('{{')) {
    yield { source: fileSource(await fileToRead(String(written.path))), from: ctx.items[0] };
    return;
  }
  if (ctx.items.length === 0) {
    const s = ctx.params.source;
    if (s.from === 'binary') return;
    yield { source: fileSource(await fileToRead(s.path)) };
    return;
  }
  const seen = new Set<string>();
  for (const { item, params, index } of ctx.each()) {
    const s = params.source;
    if (s.from === 'path') {
      const path = await fileToRead(s.path);
      if (!seen.has(path)) { seen.add(path); yield { source: fileSource(path), from: item }; }
      continue;
    }
    const ref = item.binary?.[s.binaryKey];
    if (!ref) ctx.fail(`item ${index} has no binary data "${s.binaryKey}" to read`, { path: 'params.source.binaryKey' });
    yield { source: binarySource(ref, ctx.binary, `item ${index} binary "${s.binaryKey}"`), from: item };
  }
}

export default defineNode({
  type: 'file.read', version: 1,
  title: 'Read File', category: 'data', icon: 'table',
  description: 'Reads rows from a CSV, Excel (.xlsx), JSON, JSON Lines or XML file, or from a binary field of the input items. Large CSV and JSON Lines files are read as a stream in batches. Malformed rows leave through "error" with their line number while reading goes on. Excel dates and ISO dates arrive as ISO text (2024-03-01, 2024-03-01T14:30:00). Relative paths start at the workspace folder; absolute paths are allowed; system folders, devices and pipes are refused.',
  inputs: ['main'], outputs: ['main', 'error'],
  params: readParams,
  async *stream(ctx) {
    const settings = ctx.params;
    for await (const { source, from } of sourcesOf(ctx)) {
      const file = basename(source.name);
      const paired = from ? [from] : undefined;
      for await (const batch of readRows(source, settings, READ_BATCH, (what) => ctx.log.info(`Reading ${source.name}: ${what}`))) {
        if (ctx.signal.aborted) return;
        const out: Outputs = { main: batch.rows.map((json) => (paired ? { json, paired } : { json })) };
        // The engine's error-port shape (json.error.message): unwired, they fail the node naming the first row.
        if (batch.errors.length) {
          out.error = batch.errors.map((e) => ({ json: { file, line: e.line, raw: e.raw, error: { code: 'file.malformed-row', message: `${file} line ${e.line}: ${e.message}` } }, ...(paired ? { paired } : {}) }));
        }
        yield out;
      }
    }
  },
});
