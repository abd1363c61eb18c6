/**
 * The shape of item data, from the first items: each field's path, the types seen, how many
 * items have it, and an example. Lists of objects are described through their elements
 * (`lines[0].sku`) because that is how expressions read them.
 */
import { cellText, kindOf, type Json, type ValueKind } from './columns';

export const SCHEMA_SAMPLE = 200;
/** Elements of each list looked at: enough for the element shape, bounded for huge lists. */
const ELEMENT_SAMPLE = 20;
const MAX_DEPTH = 8;

export interface SchemaField {
  /** Expression path under $json, e.g. `customer.email` or `lines[0].sku`. */
  path: string;
  /** Last segment, as shown in the tree. */
  key: string;
  depth: number;
  types: Exclude<ValueKind, 'missing'>[];
  /** Items (of those sampled) that hold this field. */
  present: number;
  example?: string;
}

export interface Schema {
  fields: SchemaField[];
  sampled: number;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
const childPath = (base: string, key: string) => (IDENT.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`);

export function inferSchema(items: readonly Json[], sample = SCHEMA_SAMPLE): Schema {
  const byPath = new Map<string, SchemaField & { seenIn: number }>();
  const n = Math.min(items.length, sample);

  const visit = (value: unknown, path: string, key: string, depth: number, itemIndex: number) => {
    const kind = kindOf(value);
    if (kind === 'missing') return;
    let field = byPath.get(path);
    if (!field) {
      field = { path, key, depth, types: [], present: 0, seenIn: -1 };
      byPath.set(path, field);
    }
    if (!field.types.includes(kind)) field.types.push(kind);
    if (field.seenIn !== itemIndex) { field.seenIn = itemIndex; field.present++; }
    if (field.example === undefined && kind !== 'null' && kind !== 'object' && kind !== 'array') field.example = cellText(value, 80);
    if (depth >= MAX_DEPTH) return;
    if (kind === 'object') for (const [k, v] of Object.entries(value as Json)) visit(v, childPath(path, k), k, depth + 1, itemIndex);
    if (kind === 'array') {
      const arr = value as unknown[];
      for (let i = 0; i < Math.min(arr.length, ELEMENT_SAMPLE); i++) visit(arr[i], `${path}[0]`, '[0]', depth + 1, itemIndex);
    }
  };

  for (let i = 0; i < n; i++) {
    const item = items[i];
    if (item && typeof item === 'object') for (const [k, v] of Object.entries(item)) visit(v, childPath('', k), k, 0, i);
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
