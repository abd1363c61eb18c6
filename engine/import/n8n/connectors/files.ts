/**
 * Spreadsheet File, Extract from File and Convert to File → file.read / file.write
 * (nodes/files/read-params.ts, write-params.ts): n8n parses or builds the file in a binary field,
 * so they read from / write to a binary field. Read/Write Binary File(s) and Read/Write Files
 * from Disk move the bytes as they are, which neither Junction node does (they parse and build
 * rows): they become placeholders that say so, except a reader followed by its parser
 * (file-pairs.ts), which becomes one file.read from the path.
 */
import type { Mapper, MapContext } from '../context';
import { read } from '../context';

const FORMATS: Record<string, string> = { csv: 'csv', xlsx: 'xlsx', json: 'json', fromJson: 'json', toJson: 'json', xml: 'xml', autodetect: 'auto' };

function format(c: MapContext, v: unknown, rel: string): string {
  const f = FORMATS[String(v)];
  if (!f) c.unsupported(`the file format "${String(v)}" has no Junction equivalent (csv, xlsx, json, jsonl, xml)`);
  if (v === 'xml') c.note('warning', 'option', rel, 'n8n put the XML text in a field; Junction reads the repeating elements as items');
  return f;
}

const binaryKey = (c: MapContext) => String(c.params.binaryPropertyName ?? c.params.dataPropertyName ?? 'data');
const option = (c: MapContext, key: string) => read(c.params, `options.${key}`);

/** Notes every option not carried over. */
function reportOptions(c: MapContext, used: string[]) {
  const options = (c.params.options ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(options)) if (!used.includes(k)) c.note('warning', 'option', `options.${k}`, `the option "${k}" has no equivalent in the Junction node and was left out`);
}

const rawBytes = (what: string): Mapper => (c) =>
  c.unsupported(`${what} moves a file's bytes as they are; Junction's file nodes read files into items and write items into files (CSV, Excel, JSON, JSON Lines, XML): use file.read / file.write with the file's format instead`);

export const mapReadBinary = rawBytes('reading a binary file');
export const mapWriteBinary = rawBytes('writing a binary file');
export const mapReadWriteFile: Mapper = (c) => rawBytes(c.params.operation === 'write' ? 'writing a file to disk' : 'reading files from disk')(c);

export function readFrom(c: MapContext, fileFormat: unknown, rel: string): Record<string, unknown> {
  const f = format(c, fileFormat, rel);
  const params: Record<string, unknown> = { source: { from: 'binary', binaryKey: binaryKey(c) }, format: f };
  const header = option(c, 'headerRow');
  if (header === false) Object.assign(params, f === 'xlsx' ? { headerRow: 0 } : { header: 'no' });
  if (option(c, 'delimiter') !== undefined && f !== 'xlsx') params.delimiter = String(option(c, 'delimiter'));
  if (option(c, 'encoding') !== undefined && f !== 'xlsx') params.encoding = String(option(c, 'encoding'));
  if (option(c, 'sheetName') !== undefined && f !== 'csv') params.sheet = String(option(c, 'sheetName'));
  if (option(c, 'rawData') === true || option(c, 'readAsString') === true) params.typed = false;
  reportOptions(c, ['headerRow', 'delimiter', 'encoding', 'sheetName', 'rawData', 'readAsString']);
  return params;
}

function writeTo(c: MapContext, fileFormat: unknown, rel: string): Record<string, unknown> {
  const f = format(c, fileFormat, rel);
  const fileName = option(c, 'fileName');
  const params: Record<string, unknown> = {
    format: f,
    destination: { to: 'binary', binaryKey: binaryKey(c), ...(fileName !== undefined ? { fileName: c.value(fileName, 'options.fileName') } : {}) },
  };
  if (option(c, 'headerRow') === false && f === 'csv') params.header = false;
  if (option(c, 'delimiter') !== undefined && f === 'csv') params.delimiter = String(option(c, 'delimiter'));
  if (option(c, 'sheetName') !== undefined && f === 'xlsx') params.sheetName = String(option(c, 'sheetName'));
  if (option(c, 'format') === true && f === 'json') params.pretty = true;
  if (option(c, 'mode') === 'each') c.unsupported('writing one JSON file per item has no Junction equivalent');
  reportOptions(c, ['fileName', 'headerRow', 'delimiter', 'sheetName', 'format', 'mode']);
  return params;
}

/** Spreadsheet File v1/v2: fromFile reads the binary field; toFile writes one. */
export const mapSpreadsheet: Mapper = (c) => {
  const p = c.params;
  if (p.operation === 'toFile') return { type: 'file.write', params: writeTo(c, p.fileFormat ?? 'xlsx', 'fileFormat') };
  return { type: 'file.read', params: readFrom(c, p.fileFormat ?? 'autodetect', 'fileFormat') };
};

export const mapExtractFromFile: Mapper = (c) => ({ type: 'file.read', params: readFrom(c, c.params.operation ?? 'csv', 'operation') });

export const mapConvertToFile: Mapper = (c) => ({ type: 'file.write', params: writeTo(c, c.params.operation ?? 'csv', 'operation') });
