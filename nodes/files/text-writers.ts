import { once } from 'node:events';
import type { WriteStream } from 'node:fs';
import { lazyLibrary } from '../../engine/sdk';
import { XML_ATTRIBUTE_PREFIX, XML_TEXT_NAME } from './xml-read';

const stringify = lazyLibrary<typeof import('csv-stringify/sync')>('csv-stringify/sync');
const fxp = lazyLibrary<typeof import('fast-xml-parser')>('fast-xml-parser');

/** The text a format writes before the rows, for each batch of rows, and after the last. */
export interface BatchEncoder {
  start(): string;
  batch(rows: Record<string, unknown>[], columns: string[]): string;
  end(): string;
}

/** Writes text with backpressure: a slow disk holds the batches back instead of filling memory. */
export async function writeText(out: WriteStream, text: string): Promise<void> {
  if (text && !out.write(text)) await once(out, 'drain');
}

const cellText = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function csvEncoder(o: { delimiter: string; header: boolean; bom: boolean; isAppend: boolean }): BatchEncoder {
  let isFirst = true;
  return {
    start: () => (o.bom && !o.isAppend ? '\uFEFF' : ''),
    batch(rows, columns) {
      const header = isFirst && o.header && !o.isAppend;
      isFirst = false;
      const records = rows.map((r) => columns.map((c) => cellText(r[c])));
      return stringify().stringify(header ? [columns, ...records] : records, { delimiter: o.delimiter, record_delimiter: '\r\n' });
    },
    end: () => '',
  };
}

export function jsonEncoder(o: { pretty: boolean }): BatchEncoder {
  let isFirst = true;
  return {
    start: () => '[',
    batch(rows) {
      const parts = rows.map((r) => (o.pretty ? `\n  ${JSON.stringify(r, null, 2).replace(/\n/g, '\n  ')}` : JSON.stringify(r)));
      const text = (isFirst ? '' : ',') + parts.join(',');
      isFirst = false;
      return text;
    },
    end: () => (o.pretty && !isFirst ? '\n]\n' : ']\n'),
  };
}

export function jsonLinesEncoder(): BatchEncoder {
  return { start: () => '', batch: (rows) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n', end: () => '' };
}

/** An XML element name made from a field name: letters, digits, `_ - .`, never starting with a digit. */
const elementName = (key: string) => {
  if (key.startsWith(XML_ATTRIBUTE_PREFIX) || key === XML_TEXT_NAME) return key;
  const name = key.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
};

function xmlSafe(value: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => xmlSafe(v, names));
  if (value === null || typeof value !== 'object') return value ?? '';
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    let name = names.get(k);
    if (name === undefined) names.set(k, (name = elementName(k)));
    out[name] = xmlSafe(v, names);
  }
  return out;
}

export function xmlEncoder(o: { root: string; item: string; pretty: boolean }): BatchEncoder {
  const names = new Map<string, string>();
  const builder = new (fxp().XMLBuilder)({ ignoreAttributes: false, attributeNamePrefix: XML_ATTRIBUTE_PREFIX, textNodeName: XML_TEXT_NAME, format: o.pretty, indentBy: '  ', suppressEmptyNode: true });
  const root = elementName(o.root);
  const item = elementName(o.item);
  return {
    start: () => `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>${o.pretty ? '\n' : ''}`,
    batch: (rows) => {
      const text = builder.build({ [item]: rows.map((r) => xmlSafe(r, names)) }) as string;
      return o.pretty ? text.replace(/^(?=.)/gm, '  ') : text;
    },
    end: () => `</${root}>\n`,
  };
}
