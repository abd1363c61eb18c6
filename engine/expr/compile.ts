import { DateTime, Duration } from 'luxon';
import { describe, elemAt, ownKeys, ownValue, readMember, setOwn, toKey } from './access';
import { toStr } from './coerce';
import { CONSTANTS, GLOBALS, type GlobalDef } from './globals';
import { isHostObject } from './host';
import { charge, chargeElements, chargeText, fail, growBy, MAX_STRING, runtimeError, tooLong } from './limits';
import { callFunction, callMethod, checkProduced, methodSet, wrap } from './methods';
import { binary, logical, unary } from './operators';
import { staticKey, type AstNode } from './parse';
import { Callback, SHORT, type ExprScope, type Fn, type GlobalFn } from './types';

// AST → closures. Runs on ASTs that passed `validate`, so it only fails on what validation
// cannot know (run-time values). Identifiers are resolved here, once: scope names to direct
// property reads, arrow parameters to frame slots, globals to their implementations.

const EMPTY: readonly unknown[] = Object.freeze([]);
const gopd = Object.getOwnPropertyDescriptor;
const getProto = Object.getPrototypeOf;
const OBJECT_PROTO = Object.prototype;

/** One direct property read per scope name keeps each read monomorphic. */
const SCOPE_READS: Record<string, Fn> = {
  $json: (s) => s.$json, $binary: (s) => s.$binary, $index: (s) => s.$index, $input: (s) => s.$input,
  $: (s) => s.$, $vars: (s) => s.$vars, $env: (s) => s.$env, $now: (s) => s.$now, $today: (s) => s.$today,
  $run: (s) => s.$run, $flow: (s) => s.$flow, $node: (s) => s.$node, $state: (s) => s.$state,
};

export interface Compiled { fn: Fn; slots: number }

export function compile(root: AstNode): Compiled {
  let slots = 0;
  const params: { name: string; slot: number }[] = [];

  const c = (n: AstNode, chain = false): Fn => {
    switch (n.type) {
      case 'Literal': { const v = n.value; return () => v; }
      case 'Identifier': return identifier(n);
      case 'TemplateLiteral': return template(n);
      case 'MemberExpression': return member(n, chain);
      case 'ChainExpression': { const f = c(n.expression, true); return (s, e) => { const v = f(s, e); return v === SHORT ? undefined : v; }; }
      case 'CallExpression': return call(n, chain);
      case 'BinaryExpression': return binary(n.operator, c(n.left), c(n.right), operatorPos(n));
      case 'LogicalExpression': return logical(n.operator, c(n.left), c(n.right));
      case 'ConditionalExpression': { const t = c(n.test), y = c(n.consequent), z = c(n.alternate); return (s, e) => (t(s, e) ? y(s, e) : z(s, e)); }
      case 'UnaryExpression': return unary(n.operator, c(n.argument), n.start);
      case 'ArrayExpression': return array(n);
      case 'ObjectExpression': return object(n);
      default: return fail('expr.forbidden', `\`${n.type}\` isn't allowed in expressions`, n.start);
    }
  };

  const identifier = (n: AstNode): Fn => {
    for (let i = params.length - 1; i >= 0; i--) {
      if (params[i].name === n.name) { const slot = params[i].slot; return (_s, e) => e[slot]; }
    }
    const read = SCOPE_READS[n.name as keyof typeof SCOPE_READS];
    if (Object.prototype.hasOwnProperty.call(SCOPE_READS, n.name)) return read;
    if (CONSTANTS.has(n.name)) { const v = CONSTANTS.get(n.name); return () => v; }
    return fail('expr.forbidden', `Unknown name \`${n.name}\``, n.start);
  };

  const template = (n: AstNode): Fn => {
    const quasis: string[] = n.quasis.map((q: AstNode) => q.value.cooked as string);
    const parts: Fn[] = n.expressions.map((x: AstNode) => c(x));
    const at: number[] = n.expressions.map((x: AstNode) => x.start);
    if (parts.length === 0) { const v = quasis[0]; return () => v; }
    return (s, e) => {
      let out = quasis[0];
      for (let i = 0; i < parts.length; i++) {
        out += toStr(parts[i](s, e), at[i]) + quasis[i + 1];
        if (out.length > MAX_STRING) tooLong(out.length);
      }
      if (out.length > 4096) chargeText(out.length);
      return out;
    };
  };

  const globalOf = (n: AstNode): GlobalDef | undefined =>
    n.type === 'Identifier' && !params.some((p) => p.name === n.name) ? GLOBALS.get(n.name) : undefined;

  const member = (n: AstNode, chain: boolean): Fn => {
    const g = globalOf(n.object);
    if (g) {
      const m = g.members?.get(staticKey(n) ?? '');
      if (m && 'value' in m) { const v = m.value; return () => v; }
      return fail('expr.forbidden', `\`${n.object.name}.${staticKey(n)}\` must be called`, n.property.start);
    }
    const obj = c(n.object, chain && isChainLink(n.object));
    const pos: number = n.property.start;
    const optional: boolean = n.optional;
    const key = staticKey(n);
    if (key !== undefined) {
      const mistaken = methodSet(key).any; // `s.toUpperCase` without () reads as undefined in JS; say so
      const k = /^(?:0|[1-9]\d{0,8})$/.test(key) ? Number(key) : key;
      return (s, e) => {
        const o = obj(s, e);
        if (typeof o === 'object' && o !== null && getProto(o) === OBJECT_PROTO) {
          // Hot path, plain data: an own data property that is not a function is returned as is.
          const d = gopd(o, k);
          if (d === undefined) return undefined;
          const v = d.value;
          if (typeof v !== 'function' && (v !== undefined || d.writable !== undefined)) return v;
        }
        if (o === SHORT || (optional && (o === undefined || o === null))) return SHORT;
        const v = readMember(o, k, pos);
        return v === undefined && mistaken && typedReceiver(o) ? methodAsValue(key, pos) : v;
      };
    }
    const prop = c(n.property);
    return (s, e) => {
      const o = obj(s, e);
      if (o === SHORT || (optional && (o === undefined || o === null))) return SHORT;
      return readMember(o, toKey(prop(s, e), pos), pos);
    };
  };

  const call = (n: AstNode, chain: boolean): Fn => {
    const callee: AstNode = n.callee;
    const args = argList(n.arguments);
    const pos: number = n.start;
    const optional: boolean = n.optional;
    const g = globalOf(callee);
    if (g) return globalCall(g.call!, args, `${callee.name}()`, pos);
    if (callee.type === 'MemberExpression') {
      const cg = globalOf(callee.object);
      if (cg) {
        const m = cg.members!.get(staticKey(callee)!)!;
        if (!('fn' in m)) return fail('expr.forbidden', `\`${callee.object.name}.${staticKey(callee)}\` isn't a function`, pos);
        return globalCall(m.fn, args, `${callee.object.name}.${staticKey(callee)}()`, pos);
      }
      const recv = c(callee.object, chain && isChainLink(callee.object));
      const at: number = callee.property.start;
      const memberOptional: boolean = callee.optional;
      const key = staticKey(callee);
      const fixed = key === undefined ? undefined : methodSet(key);
      const prop = key === undefined ? c(callee.property) : undefined;
      return (s, e) => {
        const r = recv(s, e);
        if (r === SHORT || (memberOptional && (r === undefined || r === null))) return SHORT;
        const set = fixed ?? methodSet(String(toKey(prop!(s, e), at)));
        return callMethod(r, set, args(s, e), at, optional);
      };
    }
    const f = c(callee, chain && isChainLink(callee));
    const label = callee.type === 'Identifier' ? `\`${callee.name}\`` : 'This value';
    return (s, e) => {
      const fn = f(s, e);
      if (fn === SHORT) return SHORT;
      return callFunction(fn, args(s, e), pos, optional, label);
    };
  };

  const argList = (list: AstNode[]): ((s: ExprScope, e: unknown[]) => readonly unknown[]) => {
    if (list.length === 0) return () => EMPTY;
    if (list.some((a) => a.type === 'SpreadElement')) return spreadList(list);
    const fns = list.map((a) => (a.type === 'ArrowFunctionExpression' ? arrow(a) : c(a)));
    if (fns.length === 1) { const [a0] = fns; return (s, e) => [a0(s, e)]; }
    if (fns.length === 2) { const [a0, a1] = fns; return (s, e) => [a0(s, e), a1(s, e)]; }
    return (s, e) => fns.map((f) => f(s, e));
  };

  const spreadList = (list: AstNode[]): ((s: ExprScope, e: unknown[]) => unknown[]) => {
    const parts = list.map((a) => ({ spread: a.type === 'SpreadElement', pos: a.start as number,
      fn: a.type === 'SpreadElement' ? c(a.argument) : a.type === 'ArrowFunctionExpression' ? arrow(a) : c(a) }));
    const count = parts.length;
    return (s, e) => {
      charge(count);
      const out: unknown[] = [];
      for (const p of parts) if (p.spread) spreadInto(out, p.fn(s, e), p.pos); else out.push(p.fn(s, e));
      return out;
    };
  };

  const arrow = (n: AstNode): Fn => {
    const mine = (n.params as AstNode[]).map((p) => ({ name: p.name as string, slot: slots++ }));
    params.push(...mine);
    const body = c(n.body);
    params.length -= mine.length;
    const ids = mine.map((p) => p.slot);
    return (s, e) => new Callback(body, ids, s, e);
  };

  const array = (n: AstNode): Fn => {
    const elements: (AstNode | null)[] = n.elements;
    if (elements.some((x) => x?.type === 'SpreadElement')) {
      const items = spreadList(elements.map((x) => x ?? { type: 'Identifier', name: 'undefined', start: n.start, end: n.start }));
      return (s, e) => items(s, e);
    }
    const fns = elements.map((x) => (x === null ? () => undefined : c(x)));
    const size = fns.length;
    return (s, e) => {
      charge(size); // literals inside callbacks are built once per element: they count
      const out = new Array<unknown>(size);
      for (let i = 0; i < size; i++) out[i] = fns[i](s, e);
      return out;
    };
  };

  const object = (n: AstNode): Fn => {
    const props = (n.properties as AstNode[]).map((p) => {
      if (p.type === 'SpreadElement') return { spread: c(p.argument), pos: p.start as number };
      const key: Fn = p.computed ? c(p.key) : (() => { const k = p.key.type === 'Identifier' ? p.key.name : String(p.key.value); return () => k; })();
      return { key, computed: p.computed as boolean, value: c(p.value), pos: p.key.start as number };
    });
    const count = props.length;
    return (s, e) => {
      charge(count);
      const out: Record<string, unknown> = {};
      for (const p of props) {
        if (p.spread) spreadObject(out, p.spread(s, e), p.pos);
        else {
          const k = p.computed ? String(toKey(p.key!(s, e), p.pos)) : (p.key!(s, e) as string);
          setOwn(out, k, p.value!(s, e));
        }
      }
      return out;
    };
  };

  const fn = c(root);
  return { fn, slots };
}

/** A call of a global function: one step, and native errors (URIError, RangeError …) located. */
function globalCall(fn: GlobalFn, args: (s: ExprScope, e: unknown[]) => readonly unknown[], label: string, pos: number): Fn {
  return (s, e) => {
    const list = args(s, e);
    charge(1);
    let out: unknown;
    try {
      out = fn(list, pos, s);
    } catch (err) {
      throw wrap(err, label, pos);
    }
    return checkProduced(out);
  };
}

/** Whether a node continues the optional chain it sits in (`a?.b.c`: `a?.b` does). */
const isChainLink = (n: AstNode): boolean => n.type === 'MemberExpression' || n.type === 'CallExpression';

const operatorPos = (n: AstNode): number => n.left.end;

const typedReceiver = (o: unknown): boolean =>
  typeof o === 'string' || typeof o === 'number' || typeof o === 'boolean' || Array.isArray(o) || o instanceof DateTime || o instanceof Duration;

const methodAsValue = (key: string, pos: number): never =>
  fail('expr.runtime', `\`${key}\` is a method`, pos, `Call it: .${key}()`);

/** `[...x]` and `f(...x)`: lists and text only. */
function spreadInto(out: unknown[], v: unknown, pos: number): void {
  if (Array.isArray(v)) {
    growBy(out, v.length);
    for (let i = 0; i < v.length; i++) out.push(elemAt(v, i, pos));
  } else if (typeof v === 'string') {
    growBy(out, v.length);
    for (const ch of v) out.push(ch);
  } else runtimeError(`Only lists and text can be spread with ..., not ${describe(v)}`, pos);
}

/** `{...x}`: own data of plain objects and lists; null and undefined add nothing. */
function spreadObject(out: Record<string, unknown>, v: unknown, pos: number): void {
  if (v === null || v === undefined) return;
  if (typeof v === 'string') { chargeElements(v.length); for (let i = 0; i < v.length; i++) out[i] = v[i]; return; }
  if (typeof v !== 'object') return;
  if (isHostObject(v)) runtimeError("Built-in objects like $input can't be spread; spread their data, e.g. {...$input.item.json}", pos);
  if (v instanceof DateTime || v instanceof Duration) runtimeError("A date can't be spread; use .toObject()", pos);
  const keys = ownKeys(v);
  chargeElements(keys.length);
  for (const k of keys) setOwn(out, k, ownValue(v, k, pos));
}
