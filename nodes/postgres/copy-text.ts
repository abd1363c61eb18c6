/**
 * One row in COPY's text format: tab between values, \N for null, backslash escapes for the
 * characters that would end a value or a line, lists as PostgreSQL array literals, bytes as hex.
 */
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const escapeText = (s: string) => (/[\\\n\r\t]/.test(s) ? s.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]) : s);

function arrayLiteral(list: unknown[]): string {
  return `{${list.map((v) => (v === null || v === undefined ? 'NULL' : Array.isArray(v) ? arrayLiteral(v)
    : `"${String(typeof v === 'object' ? JSON.stringify(v) : v).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}

function field(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  switch (typeof v) {
    case 'string': return escapeText(v);
    case 'number': case 'bigint': return String(v);
    case 'boolean': return v ? 't' : 'f';
  }
  if (v instanceof Uint8Array) return `\\\\x${Buffer.from(v).toString('hex')}`;
  if (Array.isArray(v)) return escapeText(arrayLiteral(v));
  return escapeText(JSON.stringify(v));
}

export function copyLine(values: unknown[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i ? '\t' : '') + field(values[i]);
  return `${line}\n`;
}
