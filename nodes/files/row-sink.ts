import type { WriteStream } from 'node:fs';
import type { Logger } from '../../engine/sdk';
import { csvEncoder, jsonEncoder, jsonLinesEncoder, writeText, xmlEncoder, type BatchEncoder } from './text-writers';
import { xlsxWriter } from './xlsx-write';

export interface SinkOptions {
  format: 'csv' | 'xlsx' | 'json' | 'jsonl' | 'xml';
  columns?: string[];
  delimiter: string; header: boolean; bom: boolean;
  sheetName: string; boldHeader: boolean; freezeHeader: boolean;
  pretty: boolean; rootName: string; itemName: string;
}

/** Rows in, a file's bytes out, batch by batch. */
export interface RowSink {
  rows: number;
  write(rows: Record<string, unknown>[]): Promise<void>;
  close(): Promise<void>;
}

export const EXTENSIONS: Record<SinkOptions['format'], string> = { csv: '.csv', xlsx: '.xlsx', json: '.json', jsonl: '.jsonl', xml: '.xml' };
export const MIME_TYPES: Record<SinkOptions['format'], string> = {
  csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', json: 'application/json', jsonl: 'application/x-ndjson', xml: 'application/xml',
};

/** The columns of the first batch: given ones, else every field in the order first seen. */
function columnsOf(rows: Record<string, unknown>[], given?: string[]): string[] {
  if (given?.length) return given;
  const seen = new Set<string>();
  for (const r of rows) for (const k in r) seen.add(k);
  return [...seen];
}

export function openSink(o: SinkOptions, out: WriteStream, isAppend: boolean, log: Logger): RowSink {
  const tabular = o.format === 'csv' || o.format === 'xlsx';
  const delimiter = o.delimiter === '\\t' || o.delimiter === 'tab' ? '\t' : o.delimiter;
  let columns: string[] | undefined;
  let warned = false;
  const columnsFor = (rows: Record<string, unknown>[]) => {
    columns ??= columnsOf(rows, o.columns);
    if (tabular && !warned && !o.columns?.length) {
      const known = new Set(columns);
      const extra = rows.find((r) => Object.keys(r).some((k) => !known.has(k)));
      if (extra) { warned = true; log.warn(`Some later rows have fields the first rows did not (${Object.keys(extra).filter((k) => !known.has(k)).slice(0, 5).join(', ')}); they are not written. List the columns to include them.`); }
    }
    return columns;
  };
  const sink = { rows: 0 } as RowSink;
  if (o.format === 'xlsx') {
    const book = xlsxWriter(out, o);
    sink.write = async (rows) => { book.batch(rows, columnsFor(rows)); sink.rows += rows.length; };
    sink.close = () => book.close(columns ?? o.columns ?? []);
    return sink;
  }
  const enc: BatchEncoder = o.format === 'csv' ? csvEncoder({ delimiter, header: o.header, bom: o.bom, isAppend })
    : o.format === 'json' ? jsonEncoder({ pretty: o.pretty })
      : o.format === 'jsonl' ? jsonLinesEncoder()
        : xmlEncoder({ root: o.rootName, item: o.itemName, pretty: o.pretty });
  let started = false;
  const start = async () => { if (!started) { started = true; await writeText(out, enc.start()); } };
  sink.write = async (rows) => {
    await start();
    if (rows.length) await writeText(out, enc.batch(rows, columnsFor(rows)));
    sink.rows += rows.length;
  };
  sink.close = async () => {
    await start();
    if (o.format === 'csv' && sink.rows === 0 && o.columns?.length) await writeText(out, enc.batch([], o.columns));
    await writeText(out, enc.end());
  };
  return sink;
}
