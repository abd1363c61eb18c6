import { createReadStream } from 'node:fs';
import { defineNode, type NodeContext } from '../../engine/sdk';
import { fileToWrite } from './file-paths';
import { EXTENSIONS, MIME_TYPES, openSink, type RowSink } from './row-sink';
import { openTarget, revertFileWrite, tempTarget, type TargetFile } from './target-file';
import { writeParams } from './write-params';

type Ctx = NodeContext<Exclude<import('../../engine/sdk').Infer<typeof writeParams>, undefined>>;

/** What one node run writes into, kept in the session across batches. */
interface Open {
  sink: RowSink;
  /** A file in place, or a temp file that becomes binary data. */
  target: { kind: 'file'; file: TargetFile } | { kind: 'binary'; temp: ReturnType<typeof tempTarget> };
}

async function openOnce(ctx: Ctx): Promise<Open> {
  const was = ctx.session.get<Open>('open');
  if (was) return was;
  const p = ctx.params;
  const canAppend = p.format === 'csv' || p.format === 'jsonl';
  let open: Open;
  if (p.destination.to === 'path') {
    const file = openTarget(await fileToWrite(p.destination.path), p.destination.ifExists, canAppend);
    open = { sink: openSink(p, file.stream, file.isAppend, ctx.log), target: { kind: 'file', file } };
  } else {
    const temp = tempTarget();
    open = { sink: openSink(p, temp.stream, false, ctx.log), target: { kind: 'binary', temp } };
  }
  ctx.session.set('open', open);
  // A failed or cancelled run leaves no half-written file behind (and an append is cut back).
  ctx.session.onEnd(async (outcome) => {
    if (open.target.kind === 'binary') await open.target.temp.remove();
    else if (outcome !== 'success' && !ctx.session.get('done')) await open.target.file.abort();
  });
  return open;
}

export default defineNode({
  type: 'file.write', version: 1,
  title: 'Write File', category: 'data', icon: 'table',
  description: 'Writes the items as rows of a CSV, Excel (.xlsx), JSON, JSON Lines or XML file, or as binary data for an email attachment or an upload; then gives one summary item (path, rows, bytes). Large inputs are written as a stream. ISO date text becomes real dates in Excel. The file appears only when all rows are written (a failed run leaves the old file as it was), and a rollback of the run restores the file it replaced, which is kept beside it as a hidden .NAME.before-RUN file. Relative paths start at the workspace folder; absolute paths are allowed; system folders, devices and pipes are refused.',
  inputs: ['main'], outputs: ['main'],
  params: writeParams,
  batching: 'item',
  check(v) {
    const d = v.destination;
    return d?.to === 'path' && d.ifExists === 'append' && v.format !== 'csv' && v.format !== 'jsonl'
      ? [{ path: 'params.destination.ifExists', code: 'param.invalid', message: 'only CSV and JSON Lines files can be appended to' }]
      : [];
  },
  async execute(ctx) {
    const { sink } = await openOnce(ctx);
    const rows = new Array<Record<string, unknown>>(ctx.items.length);
    for (let i = 0; i < rows.length; i++) rows[i] = ctx.items[i]!.json;
    await sink.write(rows);
    return { main: [] };
  },
  async finish(ctx) {
    const { sink, target } = await openOnce(ctx);
    await sink.close();
    const format = ctx.params.format;
    if (target.kind === 'file') {
      const { path, bytes } = await target.file.commit(ctx.write.bind(ctx), ctx.run.id);
      ctx.session.set('done', true);
      return { main: [{ json: { path, format, rows: sink.rows, bytes } }] };
    }
    await target.temp.close();
    const d = ctx.params.destination as { fileName: string; binaryKey: string };
    const fileName = d.fileName.toLowerCase().endsWith(EXTENSIONS[format]) ? d.fileName : `${d.fileName}${EXTENSIONS[format]}`;
    const ref = await ctx.binary.put(createReadStream(target.temp.path), { mimeType: MIME_TYPES[format], fileName });
    return { main: [{ json: { fileName, format, rows: sink.rows, bytes: ref.size }, binary: { [d.binaryKey]: ref } }] };
  },
  revert: revertFileWrite,
});
