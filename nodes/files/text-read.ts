import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { JunctionError, getPath, lazyLibrary } from '../../engine/sdk';
import { batcher, type Batch } from './batches';
import { detectEncoding } from './sniff';
import type { ByteSource } from './source';

const iconv = lazyLibrary<typeof import('iconv-lite')>('iconv-lite');

/** JSON and XML are parsed whole; past this size a person should use JSON Lines or CSV, which stream. */
export const WHOLE_TEXT_LIMIT = 256 * 1024 * 1024;

/** The source's bytes as text, in the encoding its BOM or content says. */
export async function readWholeText(source: ByteSource, format: string): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  const stream = source.stream();
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > WHOLE_TEXT_LIMIT) {
      stream.destroy();
      throw new JunctionError('file.too-large', `"${source.name}" is over ${WHOLE_TEXT_LIMIT >> 20} MB: ${format} is read whole, so files this large need JSON Lines or CSV, which are read as a stream`);
    }
    parts.push(chunk);
  }
  const bytes = Buffer.concat(parts);
  return iconv().decode(bytes, detectEncoding(bytes.subarray(0, 64 * 1024)).encoding);
}

/** Decoded lines of a text source, streamed. */
export function textLines(source: ByteSource, encoding: string): AsyncIterable<string> {
  let input: Readable = source.stream();
  input = encoding === 'utf-8' ? input.setEncoding('utf8') : input.pipe(iconv().decodeStream(encoding) as unknown as NodeJS.ReadWriteStream) as unknown as Readable;
  return createInterface({ input, crlfDelay: Infinity });
}

const asRow = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : { value: v });

/** A JSON file: an array of objects, or an object whose `path` leads to one (or to a single object). */
export async function* readJson(source: ByteSource, opts: { path: string; batchSize: number }): AsyncGenerator<Batch> {
  const text = await readWholeText(source, 'JSON');
  if (text.trim() === '') return;
  let doc: unknown;
  try { doc = JSON.parse(text.replace(/^\uFEFF/, '')); } catch (e) {
    throw new JunctionError('file.format', `"${source.name}" is not valid JSON: ${(e as Error).message}`);
  }
  const at = opts.path.trim() ? getPath(doc as Record<string, unknown>, opts.path.trim()) : doc;
  if (at === undefined) throw new JunctionError('file.path-in-file', `"${source.name}" has nothing at "${opts.path}"`, { path: 'params.jsonPath' });
  const list = Array.isArray(at) ? at : [at];
  for (let i = 0; i < list.length; i += opts.batchSize) yield { rows: list.slice(i, i + opts.batchSize).map(asRow), errors: [] };
}

/** JSON Lines: one value per line, streamed; a line that does not parse goes to the errors with its number. */
export async function* readJsonLines(source: ByteSource, opts: { batchSize: number }): AsyncGenerator<Batch> {
  const head = await source.head(64 * 1024);
  const out = batcher(opts.batchSize);
  let line = 0;
  for await (const text of textLines(source, detectEncoding(head).encoding)) {
    line++;
    const t = line === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
    if (t === '') continue;
    try { out.add(asRow(JSON.parse(t))); } catch (e) {
      out.fail({ line, raw: text.length > 2000 ? `${text.slice(0, 2000)}…` : text, message: (e as Error).message });
    }
    if (out.isFull) yield out.take();
  }
  if (!out.isEmpty) yield out.take();
}
