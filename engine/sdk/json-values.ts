/**
 * What a value means as data, decided once for every node, expression and check: when a
 * value is a number, and one stable text for a JSON value.
 */

/**
 * A finite number from a number or numeric text (" 42 ", "3.5", "1e3"); undefined otherwise.
 * Infinity and NaN are not numbers here: JSON cannot hold them, so they would turn into
 * null the moment an item is stored or sent.
 */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * JSON text with object keys sorted at every depth, otherwise as JSON.stringify (undefined
 * members dropped, toJSON honoured): equal values give equal text whatever their key order.
 * Item keys (dedupe, joins) and the audit log's hash chain both rest on it.
 */
export function stableJson(value: unknown): string {
  return write(value) ?? 'null';
}

function write(value: unknown): string | undefined {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON(): unknown }).toJSON();
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map((x) => write(x) ?? 'null').join(',')}]`;
  const o = v as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of Object.keys(o).sort()) {
    const s = write(o[k]);
    if (s !== undefined) parts.push(`${JSON.stringify(k)}:${s}`);
  }
  return `{${parts.join(',')}}`;
}
