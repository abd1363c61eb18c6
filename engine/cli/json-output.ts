/**
 * Data for `--json` output, nested at most MAX_OUTPUT_DEPTH levels: a Code node may return
 * an item 6,000 levels deep, and JSON.stringify recurses once per level. Deeper parts are
 * replaced by a note saying so; shallower data (nearly all) is printed untouched.
 */
export const MAX_OUTPUT_DEPTH = 256;

const cutNote = `[nested deeper than ${MAX_OUTPUT_DEPTH} levels; not shown]`;

export function jsonText(value: unknown): string {
  return JSON.stringify(isTooDeep(value) ? cutDeep(value) : value, null, 2);
}

function isTooDeep(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_OUTPUT_DEPTH) return true;
    for (const x of Object.values(v)) stack.push([x, depth + 1]);
  }
  return false;
}

/** A copy of `value` with every object or list below MAX_OUTPUT_DEPTH replaced by a note; iterative. */
function cutDeep(value: unknown): unknown {
  const root: { v?: unknown } = {};
  const stack: { v: unknown; depth: number; into: Record<string, unknown>; key: string }[] = [{ v: value, depth: 0, into: root, key: 'v' }];
  while (stack.length) {
    const { v, depth, into, key } = stack.pop()!;
    if (v === null || typeof v !== 'object' || typeof (v as { toJSON?: unknown }).toJSON === 'function') { put(into, key, v); continue; }
    if (depth >= MAX_OUTPUT_DEPTH) { put(into, key, cutNote); continue; }
    const copy: Record<string, unknown> = Array.isArray(v) ? (new Array(v.length) as unknown as Record<string, unknown>) : {};
    put(into, key, copy);
    for (const [k, x] of Object.entries(v)) stack.push({ v: x, depth: depth + 1, into: copy, key: k });
  }
  return root.v;
}

/** defineProperty keeps a `__proto__` key of the data a plain key of the copy. */
const put = (into: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(into, key, { value, enumerable: true, writable: true, configurable: true });
