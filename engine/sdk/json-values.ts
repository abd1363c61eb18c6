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

/** JSON text with object keys sorted, so equal values give equal text whatever their key order. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(',')}}`;
}
