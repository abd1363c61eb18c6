import { JunctionError, lazyLibrary } from '../../engine/sdk';
import { batcher, type Batch } from './batches';
import { columnNames } from './csv-sniff';
import type { ByteSource } from './source';

const exceljs = lazyLibrary<typeof import('exceljs')>('exceljs');

export interface XlsxReadOptions {
  /** A sheet's name, or its position counting from 1; empty for the first sheet. */
  sheet: string;
  /** The row that names the columns (1 = the first); 0 when there is none. */
  headerRow: number;
  batchSize: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * An Excel date as an ISO string. Excel keeps a wall-clock time with no zone, so a date
 * with no time reads `2024-03-01` and one with a time `2024-03-01T14:30:00`, never with `Z`.
 */
export function excelDateText(d: Date): string {
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const ms = d.getUTCMilliseconds();
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && ms === 0) return date;
  return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ''}`;
}

/** A cell's value as JSON: formulas give their cached result, rich text its plain text, errors their code. */
export function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return excelDateText(v);
  if (typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if ('result' in o || 'formula' in o || 'sharedFormula' in o) return cellValue(o.result);
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('error' in o) return o.error;
  if ('text' in o) return cellValue(o.text);
  return JSON.stringify(o);
}

/** A ZIP ends with its directory; a file cut short has none, and the streaming reader would wait for it forever. */
export async function checkZip(source: ByteSource): Promise<void> {
  const tail = await source.tail(66 * 1024);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) return;
  }
  throw new JunctionError('file.format', `"${source.name}" is not a complete Excel workbook: the file is cut short or damaged (its ZIP directory is missing)`);
}

/**
 * The rows of one worksheet in batches, streamed with exceljs's reader. Numbers and booleans
 * keep their type; dates become ISO strings (see `excelDateText`).
 */
export async function* readXlsx(source: ByteSource, opts: XlsxReadOptions): AsyncGenerator<Batch> {
  await checkZip(source);
  const input = source.stream();
  const reader = new (exceljs().stream.xlsx.WorkbookReader)(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const wanted = opts.sheet.trim();
  const byIndex = /^\d+$/.test(wanted) ? Number(wanted) : undefined;
  const seen: string[] = [];
  let found = false;
  try {
    for await (const sheet of reader) {
      const ws = sheet as unknown as AsyncIterable<{ number: number; values: unknown[] }> & { name: string };
      seen.push(ws.name);
      const isIt = wanted === '' ? seen.length === 1 : byIndex !== undefined ? seen.length === byIndex : ws.name === wanted;
      if (!isIt) continue;
      found = true;
      yield* sheetRows(ws, opts);
      break;
    }
  } catch (e) {
    if (e instanceof JunctionError) throw e;
    throw new JunctionError('file.format', `"${source.name}" could not be read as an Excel workbook: ${(e as Error).message}`);
  } finally { input.destroy(); }
  if (!found && seen.length === 0) throw new JunctionError('file.format', `"${source.name}" is a ZIP archive without worksheets: not an Excel workbook (perhaps a Word or other Office file)`);
  if (!found) {
    throw new JunctionError('file.sheet', `"${source.name}" has no sheet ${byIndex !== undefined ? `number ${byIndex}` : `named "${wanted}"`}; it has ${seen.map((n) => `"${n}"`).join(', ')}`, { path: 'params.sheet' });
  }
}

async function* sheetRows(ws: AsyncIterable<{ number: number; values: unknown[] }>, opts: XlsxReadOptions): AsyncGenerator<Batch> {
  let names: string[] | undefined;
  const out = batcher(opts.batchSize);
  for await (const row of ws) {
    if (row.number < opts.headerRow) continue;
    const values = row.values.slice(1).map(cellValue); // exceljs counts columns from 1
    if (row.number === opts.headerRow) { names = columnNames(values.map((v) => (v === null ? '' : String(v)))); continue; }
    if (values.every((v) => v === null || v === '')) continue;
    const json: Record<string, unknown> = {};
    for (let i = 0; i < values.length; i++) {
      const name = names?.[i] ?? `column${i + 1}`;
      json[name] = values[i] ?? null;
    }
    if (names) for (const name of names) if (!(name in json)) json[name] = null;
    out.add(json);
    if (out.isFull) yield out.take();
  }
  if (!out.isEmpty) yield out.take();
}
