/**
 * Limits on what a flow file may hold. A flow file is untrusted input, and the code that
 * reads it (parsing, validation, canonical writing, graph analysis) must stay fast and
 * small whatever it holds, so each limit is checked before any walk over the data.
 */

/**
 * Deepest nesting of objects and lists in a flow file. Real flows nest about 10 levels
 * (a condition inside a rule inside a switch's params); 64 leaves room for pinned data and
 * JSON bodies while keeping every walk far from the stack's limit.
 */
export const MAX_FLOW_DEPTH = 64;

/** Loops inside loops: real flows nest two or three; the loop analysis costs this many passes per node at most. */
export const MAX_LOOP_NESTING = 32;

/** Problems listed for one flow; the last one says how many more there were. */
export const MAX_PROBLEMS = 200;

/** Characters of an untrusted value (a name, a type, a tag) echoed in a message. */
export const MAX_ECHO = 80;

/**
 * Where JSON text first nests deeper than `max`, counting brackets outside strings, or
 * undefined. One pass, no recursion, so it is safe before JSON.parse or any error reporter.
 */
export function textNestingOver(text: string, max = MAX_FLOW_DEPTH): { offset: number } | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) { if (++depth > max) return { offset: i }; }
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

/**
 * The path of the first object or list nested deeper than `max` inside `value`, or
 * undefined. Iterative (an explicit stack), and it stops at the first find; paths are
 * built only for the answer, so a large flow costs one visit per value.
 */
export function valueNestingOver(value: unknown, max = MAX_FLOW_DEPTH): string | undefined {
  interface Entry { v: unknown; depth: number; key?: string | number; parent?: Entry }
  const stack: Entry[] = [{ v: value, depth: 0 }];
  const seen = new Set<object>();
  while (stack.length) {
    const e = stack.pop()!;
    const { v, depth } = e;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return pathOf(e);
    // A value from the API is a tree; a shared or cyclic object is walked once.
    if (seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) stack.push({ v: v[i], depth: depth + 1, key: i, parent: e });
    else for (const k of Object.keys(v)) stack.push({ v: (v as Record<string, unknown>)[k], depth: depth + 1, key: k, parent: e });
  }
  return undefined;

  function pathOf(e: Entry): string {
    const keys: (string | number)[] = [];
    for (let at: Entry | undefined = e; at?.key !== undefined; at = at.parent) keys.push(at.key);
    return `$${keys.reverse().map((k) => (typeof k === 'number' ? `[${k}]` : `.${clip(k, 40)}`)).join('')}`;
  }
}

/** Text cut to at most `max` characters, the last one marking the cut. */
export const clip = (text: string, max = MAX_ECHO): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** An untrusted value for a message: short text quoted, anything else named by its kind. Never walks the value. */
export function echo(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(clip(value));
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
}
