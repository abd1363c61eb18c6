import { JunctionError, lazyLibrary } from '../../engine/sdk';
import type { Batch } from './batches';
import { readCsv, sniffCsv, type CsvSettings } from './csv-read';
import { FORMAT_NAMES, contentMismatch, describeBytes, formatOfContent, formatOfName, type Format } from './sniff';
import type { ByteSource } from './source';
import { readJson, readJsonLines } from './text-read';
import { readXlsx } from './xlsx-read';
import { readXml } from './xml-read';

const iconv = lazyLibrary<typeof import('iconv-lite')>('iconv-lite');

/** What file.read's params say about parsing, the same for a run and for the editor's preview. */
export interface ReadSettings {
  format: 'auto' | Format;
  delimiter: string;
  quote: string;
  header: 'auto' | 'yes' | 'no';
  encoding: string;
  typed: boolean;
  sheet: string;
  headerRow: number;
  jsonPath: string;
  xmlPath: string;
}

/** The format to read: the one asked for, else the extension's, else what the content looks like. */
export async function resolveFormat(source: ByteSource, asked: ReadSettings['format']): Promise<Format | undefined> {
  const head = await source.head(8192);
  if (head.length === 0) return undefined;
  const text = iconv().decode(head, head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : 'utf-8');
  const byName = asked === 'auto' ? formatOfName(source.name) : asked;
  const format = byName ?? formatOfContent(head, text);
  const name = source.name;
  if (!format) throw new JunctionError('file.format', `"${name}" is not a file Junction can read: it looks like ${describeBytes(head, text)}`);
  const mismatch = contentMismatch(format, head, text);
  if (mismatch) {
    throw new JunctionError('file.format', `"${name}" is not ${FORMAT_NAMES[format]}${asked === 'auto' ? ' as its name says' : ''}: it looks like ${mismatch}`, { path: 'params.format' });
  }
  return format;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** What was detected, in words for the run's log and the editor's preview. */
function describeCsv(c: CsvSettings): string {
  const d = DELIMITER_NAMES[c.delimiter] ?? `"${c.delimiter}"`;
  return `CSV, ${d}-separated, ${c.encoding.toUpperCase()}, ${c.header ? 'first row is the header' : 'no header row'}${c.quote !== '"' ? `, quoted with ${c.quote}` : ''}`;
}

/** The rows of a source in batches of about `batchSize`, whatever its format; `detected` hears what was found. */
export async function* readRows(source: ByteSource, s: ReadSettings, batchSize: number, detected?: (what: string) => void): AsyncGenerator<Batch> {
  const format = await resolveFormat(source, s.format);
  if (!format) { detected?.('an empty file'); return; } // no rows, whatever its name says
  if (format !== 'csv') detected?.(FORMAT_NAMES[format]);
  switch (format) {
    case 'csv': {
      const opts = { delimiter: s.delimiter, quote: s.quote, header: s.header, encoding: s.encoding, typed: s.typed, batchSize };
      const settings = await sniffCsv(source, opts);
      detected?.(describeCsv(settings));
      yield* readCsv(source, opts, settings);
      break;
    }
    case 'xlsx': yield* readXlsx(source, { sheet: s.sheet, headerRow: s.headerRow, batchSize }); break;
    case 'json': yield* readJson(source, { path: s.jsonPath, batchSize }); break;
    case 'jsonl': yield* readJsonLines(source, { batchSize }); break;
    case 'xml': yield* readXml(source, { path: s.xmlPath, typed: s.typed, batchSize }); break;
  }
}
