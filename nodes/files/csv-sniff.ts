import { typeValue } from './typing';

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The first complete lines of a sample (the last one may be cut off unless the sample is the whole file). */
export function sampleLines(text: string, isWhole: boolean, max = 50): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  if (!isWhole) lines.pop();
  return lines.filter((l) => l.trim() !== '').slice(0, max);
}

/** Counts a character outside quoted parts of one line (a quoted newline makes the count rough, which is fine for a guess). */
function countOutside(line: string, ch: string, quote: string): number {
  let n = 0;
  let inQuote = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === quote) inQuote = !inQuote;
    else if (c === ch && !inQuote) n++;
  }
  return n;
}

/**
 * The delimiter that splits the sample's lines most consistently: the same count on most lines,
 * and more fields breaking ties. A single-column file has none of them and gets a comma.
 */
export function detectDelimiter(lines: string[], quote = '"'): string {
  let best: { d: string; score: number } = { d: ',', score: 0 };
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutside(l, d, quote));
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [mode, hits] = [...freq].filter(([c]) => c > 0).sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    const score = (hits / Math.max(1, lines.length)) * 1000 + mode;
    if (mode > 0 && score > best.score) best = { d, score };
  }
  return best.d;
}

/** `'` when fields start with a single quote after delimiters and never with a double one. */
export function detectQuote(lines: string[], delimiter: string): string {
  const starts = (q: string) => lines.reduce((n, l) => n + l.split(delimiter).filter((f) => f.startsWith(q) && f.endsWith(q) && f.length > 1).length, 0);
  return starts("'") > 0 && starts('"') === 0 ? "'" : '"';
}

/**
 * Whether the first row names the columns: every cell is non-empty text (no number, boolean or
 * date), the names are distinct, and some later row has a typed value or the rows differ in kind.
 */
export function detectHeader(rows: string[][]): boolean {
  const [first, ...rest] = rows;
  if (!first || first.length === 0) return false;
  const isText = (v: string) => v.trim() !== '' && typeof typeValue(v.trim()) === 'string' && !/^\d{4}-\d{2}-\d{2}/.test(v);
  if (!first.every(isText)) return false;
  if (new Set(first).size !== first.length) return false;
  if (rest.length === 0) return true;
  // Rows of nothing but text: a header when its values never repeat below it.
  const typedBelow = rest.some((r) => r.some((v) => v.trim() !== '' && !isText(v)));
  return typedBelow || rest.every((r) => r.every((v, i) => v !== first[i]));
}

/** Column names made usable: blanks become `columnN`, repeats get `_2`, `_3`. */
export function columnNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const base = raw.trim() || `column${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}
