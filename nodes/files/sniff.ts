import { lazyLibrary } from '../../engine/sdk';

const chardet = lazyLibrary<typeof import('chardet')>('chardet');

export type Format = 'csv' | 'xlsx' | 'json' | 'jsonl' | 'xml';

const BY_EXTENSION: Record<string, Format> = {
  csv: 'csv', tsv: 'csv', tab: 'csv', txt: 'csv', psv: 'csv',
  xlsx: 'xlsx', xlsm: 'xlsx',
  json: 'json', jsonl: 'jsonl', ndjson: 'jsonl',
  xml: 'xml',
};

export const FORMAT_NAMES: Record<Format, string> = { csv: 'CSV', xlsx: 'Excel (.xlsx)', json: 'JSON', jsonl: 'JSON Lines', xml: 'XML' };

export function formatOfName(name: string): Format | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext ? BY_EXTENSION[ext] : undefined;
}

const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** Binary formats people name wrongly, by their first bytes. */
const MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x1f, 0x8b], 'a gzip-compressed file'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel .xls or other Office 97 file'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (such as an .xlsx workbook)'],
  [[0x50, 0x4b, 0x05, 0x06], 'an empty ZIP archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF binary)'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'an SQLite database'],
];

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | string;

/** The text encoding of a file's first bytes: a BOM first, then valid UTF-8, then chardet's guess. */
export function detectEncoding(head: Uint8Array): { encoding: Encoding; bom: boolean } {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: true };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: true };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: true };
  if (isUtf8(head)) return { encoding: 'utf-8', bom: false };
  const guess = String(chardet().detect(head) ?? 'windows-1252').toLowerCase();
  // Latin-1 and Windows-1252 differ only in 0x80–0x9F, where Latin-1 has control codes nobody writes.
  return { encoding: guess === 'iso-8859-1' ? 'windows-1252' : guess, bom: false };
}

/** Valid UTF-8, allowing a multi-byte character cut off at the end of the sample. */
function isUtf8(head: Uint8Array): boolean {
  let end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = head[end - back]!;
    if ((b & 0xc0) === 0xc0) { end -= back; break; } // a lead byte whose continuation was cut off
    if ((b & 0xc0) !== 0x80) break;
  }
  try { new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end)); return true; } catch { return false; }
}

/** What the bytes look like, in words for an error message. */
export function describeBytes(head: Uint8Array, text?: string): string {
  if (head.length === 0) return 'an empty file';
  for (const [magic, what] of MAGIC) if (startsWith(head, magic)) return what;
  const t = (text ?? '').trimStart();
  if (isBinary(head)) return 'binary data, not text';
  if (t.startsWith('<')) return 'XML or HTML';
  if (t.startsWith('{') || t.startsWith('[')) return 'JSON';
  return 'plain text';
}

/** NUL bytes (outside a UTF-16 BOM'd file) or many control characters mean binary data. */
export function isBinary(head: Uint8Array): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return false;
  let control = 0;
  const n = Math.min(head.length, 8192);
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n / 20;
}

/** The format the content looks like, or undefined when it is not one Junction reads. */
export function formatOfContent(head: Uint8Array, text: string): Format | undefined {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (head.length === 0 || MAGIC.some(([m]) => startsWith(head, m)) || isBinary(head)) return undefined;
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('<')) return 'xml';
  if (t.startsWith('[')) return 'json';
  if (t.startsWith('{')) {
    const first = t.split('\n', 1)[0]!.trim();
    try { JSON.parse(first); return t.length > first.length + 1 ? 'jsonl' : 'json'; } catch { return 'json'; }
  }
  return 'csv';
}

/** Whether the content can be the format asked for; the description of what it is when not. */
export function contentMismatch(format: Format, head: Uint8Array, text: string): string | undefined {
  if (head.length === 0) return undefined; // empty files read as no rows, whatever their name
  const seen = formatOfContent(head, text);
  if (seen === format) return undefined;
  if (seen && format === 'csv' && seen !== 'xlsx') return undefined; // text is always some CSV
  if (seen && format === 'json' && seen === 'jsonl') return undefined;
  if (seen && format === 'jsonl' && seen === 'json') return undefined; // one object per line may start with either
  return describeBytes(head, text);
}
