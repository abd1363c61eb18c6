import { pipeline, type Readable, type Transform } from 'node:stream';
import type { Options as ParseOptions, Parser } from 'csv-parse';
import { JunctionError, lazyLibrary } from '../../engine/sdk';
import { columnNames, detectDelimiter, detectHeader, detectQuote, sampleLines } from './csv-sniff';
import { detectEncoding } from './sniff';
import type { ByteSource } from './source';
import { typeValue } from './typing';
import type { Batch, RowError } from './batches';

const csvParse = lazyLibrary<typeof import('csv-parse')>('csv-parse');
const csvParseSync = lazyLibrary<typeof import('csv-parse/sync')>('csv-parse/sync');
const iconv = lazyLibrary<typeof import('iconv-lite')>('iconv-lite');

export interface CsvReadOptions {
  delimiter: string; // 'auto' or the character (`\t` accepted for tab)
  quote: string; // 'auto' or the character
  header: 'auto' | 'yes' | 'no';
  encoding: string; // 'auto' or a name iconv knows (utf-8, windows-1252, utf-16le, …)
  typed: boolean;
  batchSize: number;
}

export interface CsvSettings {
  delimiter: string; quote: string; header: boolean; encoding: string; columns: string[];
  /** Columns the sample shows to be codes (a leading zero, a long digit run): never typed, so 01067 and 80331 both stay text. */
  textColumns: string[];
}

const CODE = /^-?0\d|^\d{16,}$/;

const SAMPLE_BYTES = 64 * 1024;

/** Delimiter, quote, header and encoding: each detected from the first 64 KB unless given. */
export async function sniffCsv(source: ByteSource, opts: CsvReadOptions): Promise<CsvSettings> {
  const head = await source.head(SAMPLE_BYTES + 1);
  const isWhole = head.length <= SAMPLE_BYTES;
  const encoding = opts.encoding === 'auto' ? detectEncoding(head).encoding : opts.encoding.toLowerCase();
  if (!iconv().encodingExists(encoding)) throw new JunctionError('file.encoding', `"${opts.encoding}" is not a text encoding Junction knows (try utf-8, windows-1252 or utf-16le)`, { path: 'params.encoding' });
  const lines = sampleLines(iconv().decode(head.subarray(0, SAMPLE_BYTES), encoding), isWhole);
  const given = (v: string) => (v === '\\t' || v === 'tab' ? '\t' : v);
  const quote0 = opts.quote === 'auto' ? '"' : given(opts.quote);
  const delimiter = opts.delimiter === 'auto' ? detectDelimiter(lines, quote0) : given(opts.delimiter);
  const quote = opts.quote === 'auto' ? detectQuote(lines, delimiter) : quote0;
  let rows: string[][] = [];
  try {
    rows = csvParseSync().parse(lines.slice(0, 20).join('\n'), { delimiter, quote, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
  } catch { /* a sample cut inside a quoted field: the first line alone decides */ rows = lines.slice(0, 1).map((l) => l.split(delimiter)); }
  const header = opts.header === 'auto' ? detectHeader(rows) : opts.header === 'yes';
  const width = rows[0]?.length ?? 0;
  const columns = header ? columnNames(rows[0] ?? []) : Array.from({ length: width }, (_, i) => `column${i + 1}`);
  const body = header ? rows.slice(1) : rows;
  const textColumns = columns.filter((_, i) => body.some((r) => CODE.test(r[i] ?? '')));
  return { delimiter, quote, header, encoding, columns, textColumns };
}

/** Rebuilds a skipped record's text for the error port (the parser keeps its fields, not its bytes). */
const rawOf = (fields: unknown, d: string) => (Array.isArray(fields)
  ? fields.map((f) => (/[\r\n"]/.test(String(f)) || String(f).includes(d) ? `"${String(f).replace(/"/g, '""')}"` : String(f))).join(d)
  : '');

/**
 * The rows of a CSV file in batches, streamed: the file is never whole in memory. A malformed
 * row (wrong number of fields, a quote never closed) goes into the batch's errors with its line
 * number, and reading goes on.
 */
export async function* readCsv(source: ByteSource, opts: CsvReadOptions, settings?: CsvSettings): AsyncGenerator<Batch> {
  const s = settings ?? await sniffCsv(source, opts);
  if (s.columns.length === 0) return; // an empty file
  let errors: RowError[] = [];
  const parseOpts: ParseOptions = {
    delimiter: s.delimiter, quote: s.quote, escape: s.quote, bom: true, skip_empty_lines: true,
    columns: s.header ? (h: string[]) => columnNames(h) : s.columns,
    skip_records_with_error: true,
    on_skip: (err) => {
      const e = err as unknown as { lines?: number; record?: unknown; message: string };
      errors.push({ line: e.lines ?? 0, raw: rawOf(e.record, s.delimiter), message: e.message.replace(/ on line \d+$/, '') });
      return undefined;
    },
  };
  const parser: Parser = csvParse().parse(parseOpts);
  const stages: (Readable | Transform)[] = [source.stream()];
  if (s.encoding !== 'utf-8' && s.encoding !== 'utf8') stages.push(iconv().decodeStream(s.encoding) as unknown as Transform);
  pipeline([...stages, parser], () => { /* errors surface through the parser's iterator */ });
  const typedColumns = opts.typed ? s.columns.filter((c) => !s.textColumns.includes(c)) : [];
  let rows: Record<string, unknown>[] = [];
  try {
    for await (const record of parser as AsyncIterable<Record<string, unknown>>) {
      for (const k of typedColumns) record[k] = typeValue(record[k] as string);
      rows.push(record);
      if (rows.length >= opts.batchSize || errors.length >= opts.batchSize) {
        yield { rows, errors };
        rows = []; errors = [];
      }
    }
  } finally { parser.destroy(); }
  if (rows.length || errors.length) yield { rows, errors };
}
