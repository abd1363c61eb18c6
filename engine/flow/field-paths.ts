/**
 * The field paths items hold, from a sample of them: each path as an expression reads it
 * (`customer.email`, `lines[0].sku`, `["first name"]`), the types seen, how many sampled
 * items have it, and an example. The one inference behind both expression autocomplete
 * (`expr.paths`) and the data panel's Schema view, so the two always list the same fields.
 * Pure: no Node APIs, so the renderer imports it too.
 */

export type FieldType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export interface InferredField {
  /** Expression path under $json. */
  path: string;
  /** Last segment, as a tree shows it. */
  key: string;
  depth: number;
  types: FieldType[];
  /** Sampled items that hold this field. */
  present: number;
  example?: string;
}

/** Items looked at: enough for the shape of the data, cheap on 100,000 items. */
export const FIELD_SAMPLE_ITEMS = 200;
/** Elements of each list looked at, for the shape of its elements. */
const ELEMENT_SAMPLE = 20;
/** How deep paths go: item data is untrusted, and nothing walks it deeper than this. */
export const MAX_FIELD_DEPTH = 8;
/** Fields listed at most, so a wide or generated object cannot flood the editor. */
export const MAX_FIELDS = 500;
const EXAMPLE_CHARS = 80;

const IDENT = /^[A-Za-z_$][\w$]*$/;
const childPath = (base: string, key: string) => (IDENT.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`);

export const fieldTypeOf = (v: unknown): FieldType =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object'
    : typeof v === 'number' || typeof v === 'bigint' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string';

const exampleOf = (v: unknown): string => {
  const text = typeof v === 'string' ? v.replace(/\r?\n/g, '⏎') : String(v);
  return text.length > EXAMPLE_CHARS ? `${text.slice(0, EXAMPLE_CHARS - 1)}…` : text;
};

/** The fields of the first `sample` items, depth-first: children follow their parent. */
export function inferFields(items: readonly unknown[], sample = FIELD_SAMPLE_ITEMS): { fields: InferredField[]; sampled: number } {
  const byPath = new Map<string, InferredField & { seenIn: number }>();
  const n = Math.min(items.length, sample);

  const visit = (value: unknown, path: string, key: string, depth: number, itemIndex: number) => {
    if (value === undefined) return;
    const type = fieldTypeOf(value);
    let field = byPath.get(path);
    if (!field) {
      if (byPath.size >= MAX_FIELDS) return;
      field = { path, key, depth, types: [], present: 0, seenIn: -1 };
      byPath.set(path, field);
    }
    if (!field.types.includes(type)) field.types.push(type);
    if (field.seenIn !== itemIndex) { field.seenIn = itemIndex; field.present++; }
    if (field.example === undefined && type !== 'null' && type !== 'object' && type !== 'array') field.example = exampleOf(value);
    if (depth + 1 >= MAX_FIELD_DEPTH) return;
    if (type === 'object') for (const [k, v] of Object.entries(value as Record<string, unknown>)) visit(v, childPath(path, k), k, depth + 1, itemIndex);
    if (type === 'array') {
      const arr = value as unknown[];
      for (let i = 0; i < Math.min(arr.length, ELEMENT_SAMPLE); i++) visit(arr[i], `${path}[0]`, '[0]', depth + 1, itemIndex);
    }
  };

  for (let i = 0; i < n; i++) {
    const item = items[i];
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) for (const [k, v] of Object.entries(item)) visit(v, childPath('', k), k, 0, i);
  }
  // Depth-first order, so children follow their parent even when a key first shows up in a later item.
  const order = new Map([...byPath.keys()].map((p, i) => [p, i]));
  const keyed = [...byPath.values()].map(({ seenIn: _, ...f }) => ({ f, chain: ancestors(f.path).map((x) => order.get(x) ?? 0) }));
  keyed.sort((a, b) => compareChains(a.chain, b.chain));
  return { fields: keyed.map((k) => k.f), sampled: n };
}

function compareChains(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** `a.b[0].c` → ['a', 'a.b', 'a.b[0]', 'a.b[0].c']. */
function ancestors(path: string): string[] {
  const out: string[] = [];
  const re = /(?:^|\.)([A-Za-z_$][\w$]*)|\[[^\]]*\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) out.push(path.slice(0, m.index + m[0].length));
  return out;
}
