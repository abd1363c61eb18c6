/**
 * Read/Write Files, Read/Write Binary File, Spreadsheet File, Extract from File and Convert to
 * File → file.read / file.write. PENDING ALIGNMENT with the nodes' schemas; the importer produces
 *   file.read:  { source: 'path', path, format } or { source: 'binary', binaryKey, format }
 *   file.write: { target: 'path', path, format, append } or { target: 'binary', binaryKey, fileName, format }
 * with format csv | xlsx | json | jsonl | xml, or 'raw' for the bytes as they are (n8n's binary
 * read/write nodes, which do not parse).
 */
import type { Mapper, MapContext } from '../context';
import { read } from '../context';

const FORMATS: Record<string, string> = { csv: 'csv', xlsx: 'xlsx', xls: 'xlsx', json: 'json', fromJson: 'json', toJson: 'json', xml: 'xml', autodetect: 'csv' };

function format(c: MapContext, v: unknown): string {
  const f = FORMATS[String(v ?? 'csv')];
  if (!f) c.unsupported(`the file format "${String(v)}" has no Junction equivalent (csv, xlsx, json, jsonl, xml)`);
  if (v === 'autodetect') c.note('warning', 'option', 'fileFormat', 'the format was detected from the file by n8n; Junction reads it as CSV: change the format if the file is another');
  return f;
}

const binaryKey = (c: MapContext) => String(c.params.binaryPropertyName ?? c.params.dataPropertyName ?? 'data');

export const mapReadBinary: Mapper = (c) => ({
  type: 'file.read', params: { source: 'path', path: c.value(c.params.filePath ?? c.params.fileSelector ?? '', c.params.filePath !== undefined ? 'filePath' : 'fileSelector'), format: 'raw', binaryKey: binaryKey(c) },
});

export const mapWriteBinary: Mapper = (c) => ({
  type: 'file.write', params: { target: 'path', path: c.value(c.params.fileName ?? '', 'fileName'), format: 'raw', binaryKey: binaryKey(c), append: read(c.params, 'options.append') === true },
});

export const mapReadWriteFile: Mapper = (c) => (c.params.operation === 'write' ? mapWriteBinary(c) : mapReadBinary(c));

/** Spreadsheet File v1/v2: fromFile reads the binary property; toFile writes one. */
export const mapSpreadsheet: Mapper = (c) => {
  const p = c.params;
  if (p.operation === 'toFile') {
    return { type: 'file.write', params: { target: 'binary', binaryKey: binaryKey(c), fileName: c.value(read(p, 'options.fileName') ?? '', 'options.fileName'), format: format(c, p.fileFormat ?? 'xlsx') } };
  }
  return { type: 'file.read', params: { source: 'binary', binaryKey: binaryKey(c), format: format(c, p.fileFormat ?? 'autodetect') } };
};

export const mapExtractFromFile: Mapper = (c) => ({
  type: 'file.read', params: { source: 'binary', binaryKey: binaryKey(c), format: format(c, c.params.operation ?? 'csv') },
});

export const mapConvertToFile: Mapper = (c) => ({
  type: 'file.write', params: { target: 'binary', binaryKey: binaryKey(c), fileName: c.value(read(c.params, 'options.fileName') ?? '', 'options.fileName'), format: format(c, c.params.operation ?? 'csv') },
});
