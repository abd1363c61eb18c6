/**
 * Table columns and cell text for item data. Columns are the union of keys over the first
 * items (an item lacking a key shows an empty cell); nested values render as one compact line
 * so a 100,000-row table never lays out a tree.
 */
export type Json = Record<string, unknown>;

/** How many items columns are inferred from: enough to catch optional keys, cheap on every page. */
export const COLUMN_SAMPLE = 200;
/** Past this many keys the rest are left to the JSON view; a grid with thousands of columns helps no one. */
export const MAX_COLUMNS = 300;

export function inferColumns(items: readonly Json[], sample = COLUMN_SAMPLE, max = MAX_COLUMNS): { columns: string[]; isTruncated: boolean } {
  const seen = new Set<string>();
  const n = Math.min(items.length, sample);
  for (let i = 0; i < n; i++) {
    const item = items[i];
    if (item === null || typeof item !== 'object') continue;
    for (const key of Object.keys(item)) {
      if (seen.has(key)) continue;
      if (seen.size === max) return { columns: [...seen], isTruncated: true };
      seen.add(key);
    }
  }
  return { columns: [...seen], isTruncated: false };
}

export type ValueKind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'missing';

export const kindOf = (v: unknown): ValueKind =>
  v === undefined ? 'missing' : v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as ValueKind);

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One line of text for a cell: strings as they are, lists and objects as compact JSON. */
export function cellText(v: unknown, max = 160): string {
  switch (kindOf(v)) {
    case 'missing': return '';
    case 'null': return 'null';
    case 'string': return clip((v as string).replace(/\r?\n/g, '⏎'), max);
    case 'array': {
      const arr = v as unknown[];
      return clip(`[${arr.length}] ${compactJson(arr, max)}`, max);
    }
    case 'object': return compactJson(v, max);
    default: return String(v);
  }
}

// Stops serialising once the text is long enough: a cell never needs a 5 MB string.
function compactJson(v: unknown, max: number): string {
  let out = '';
  const walk = (x: unknown): void => {
    if (out.length > max) return;
    if (Array.isArray(x)) {
      out += '[';
      x.forEach((e, i) => { if (out.length > max) return; if (i) out += ', '; walk(e); });
      out += ']';
    } else if (x !== null && typeof x === 'object') {
      out += '{';
      Object.entries(x).forEach(([k, e], i) => { if (out.length > max) return; out += `${i ? ', ' : ''}${k}: `; walk(e); });
      out += '}';
    } else out += x === undefined ? 'undefined' : JSON.stringify(x);
  };
  walk(v);
  return clip(out, max);
}

/** Text width in px; the table passes a canvas measure, tests the default estimate. */
export type Measure = (text: string, isHeader: boolean) => number;
const estimate: Measure = (text) => text.length * 7.2;

export const MIN_COLUMN = 64;
export const MAX_COLUMN = 360;

/**
 * A column's width from its name and its values over the whole sample (the table passes the
 * first COLUMN_SAMPLE items): the longest text by characters is measured, so one wide value
 * deep in the data widens the column as much as one in the first row.
 */
export function columnWidth(key: string, items: readonly Json[], measure: Measure = estimate): number {
  let longest = '';
  for (const item of items) {
    const text = cellText(item?.[key], 60);
    if (text.length > longest.length) longest = text;
  }
  const width = Math.max(measure(key, true) + 16, measure(longest, false)) + 18; // room for the sort mark; cell padding and border
  return Math.round(Math.min(MAX_COLUMN, Math.max(MIN_COLUMN, width)));
}
