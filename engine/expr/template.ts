import { checkResult, templateText } from './coerce';
import { compile } from './compile';
import { beginEvaluation, endEvaluation, ExprError, fail, MAX_STRING, restoreMeter, saveMeter, tooLong, UNMETERED } from './limits';
import { wrap } from './methods';
import { parseAt, statement, validate, type AstNode } from './parse';
import type { ExprScope, Fn } from './types';

// `{{ … }}` templates: split by parsing (so `}}` inside strings or object literals is fine),
// compile each expression once, and evaluate with a fresh step budget per call, drawn from
// the node run's budget on the scope.

/** A compiled parameter value. */
export interface Template {
  readonly source: string;
  /** No `{{ }}` at all: evaluate returns the source. */
  readonly isStatic: boolean;
  /** Exactly one `{{ }}` with only whitespace around: evaluate returns the value's own type. */
  readonly isSingle: boolean;
  evaluate(scope: ExprScope): unknown;
}

type Segment = string | { fn: Fn; start: number };

interface Split { segments: Segment[]; slots: number; nodes: string[] }

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

function split(source: string, onNodes?: (names: string[]) => void, compileToo = true): Split {
  const segments: Segment[] = [];
  const nodes: string[] = [];
  let slots = 0;
  let i = 0;
  for (;;) {
    const open = source.indexOf('{{', i);
    if (open < 0) { segments.push(source.slice(i)); break; }
    segments.push(source.slice(i, open));
    let j = open + 2;
    while (isSpace(source[j])) j++;
    if (source.startsWith('}}', j)) fail('expr.syntax', 'Empty expression {{ }}', open, 'Write an expression between the braces, e.g. {{ $json.name }}');
    if (j >= source.length) fail('expr.syntax', '`{{` is never closed', open, 'End the expression with }}');
    const { node, next: k } = parseAt(source, open + 2);
    if (!source.startsWith('}}', k)) closeError(source, node, open, k);
    const checked = validate(node, source);
    for (const name of checked.nodes) if (!nodes.includes(name)) nodes.push(name);
    onNodes?.(nodes);
    if (compileToo) {
      const compiled = compile(node);
      slots = Math.max(slots, compiled.slots);
      segments.push({ fn: compiled.fn, start: node.start });
    }
    i = k + 2;
  }
  return { segments: segments.filter((s) => s !== ''), slots, nodes };
}

function closeError(source: string, node: AstNode, open: number, at: number): never {
  if (at >= source.length) return fail('expr.syntax', `\`{{\` at ${open} is never closed`, at, 'End the expression with }}');
  if (source[at] === ';') return fail('expr.syntax', '`;` ends a statement, and expressions hold a single expression', at, 'Remove the `;`, or use a Code node for several statements');
  if (node.type === 'Identifier' && /^(let|const|var|async)$/.test(node.name)) return statement(node.name, node.start);
  const token = /^\S{1,20}/.exec(source.slice(at))?.[0] ?? source[at];
  return fail('expr.syntax', `Unexpected \`${token}\`; expected \`}}\``, at);
}

const EMPTY_FRAME: unknown[] = [];

class Compiled implements Template {
  readonly isStatic: boolean;
  readonly isSingle: boolean;
  private readonly single?: { fn: Fn; start: number };

  constructor(readonly source: string, private readonly segments: Segment[], private readonly slots: number) {
    const exprs = segments.filter((s) => typeof s !== 'string');
    this.isStatic = exprs.length === 0;
    this.isSingle = exprs.length === 1 && segments.every((s) => typeof s !== 'string' || s.trim() === '');
    if (this.isSingle) this.single = exprs[0] as { fn: Fn; start: number };
  }

  evaluate(scope: ExprScope): unknown {
    if (this.isStatic) return this.source;
    const outer = saveMeter(); // a host function may evaluate another template inside this one
    beginEvaluation(scope.budget ?? UNMETERED);
    const frame = this.slots === 0 ? EMPTY_FRAME : new Array<unknown>(this.slots);
    let at = 0;
    try {
      if (this.single) {
        at = this.single.start;
        return checkResult(this.single.fn(scope, frame), at);
      }
      let out = '';
      for (const seg of this.segments) {
        if (typeof seg === 'string') out += seg;
        else { at = seg.start; out += templateText(seg.fn(scope, frame), at); }
        if (out.length > MAX_STRING) tooLong(out.length);
      }
      return out;
    } catch (e) {
      throw e instanceof ExprError ? e : wrap(e, 'Expression', at);
    } finally {
      endEvaluation();
      if (outer !== undefined) restoreMeter(outer);
    }
  }
}

const cache = new Map<string, Template>();
const CACHE_SIZE = 5_000;

/** Compiles a parameter value; throws a JunctionError ('expr.syntax' | 'expr.forbidden') with the position. */
export function compileTemplate(source: string): Template {
  const hit = cache.get(source);
  if (hit) return hit;
  const { segments, slots } = split(source);
  const t = new Compiled(source, segments, slots);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(source, t);
  return t;
}

/** Validates a parameter value without throwing: null when it compiles. */
export function checkTemplate(source: string): null | { code: string; message: string; position: number; hint?: string } {
  try {
    compileTemplate(source);
    return null;
  } catch (e) {
    if (e instanceof ExprError) return { code: e.code, message: e.detail, position: e.position, ...(e.hint ? { hint: e.hint } : {}) };
    throw e;
  }
}

/** Node names used as `$('Name')` with a literal name; stops quietly at the first invalid expression. */
export function referencedNodes(source: string): string[] {
  let found: string[] = [];
  try {
    found = split(source, (names) => { found = [...names]; }, false).nodes;
  } catch {
    // validation reports the error; here only the names matter
  }
  return found;
}
