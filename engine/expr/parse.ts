import { Parser, type Options } from 'acorn';
import { FORBIDDEN_KEYS } from './access';
import { CONSTANTS, GLOBALS } from './globals';
import { fail, MAX_NESTING } from './limits';
import { SCOPE_NAMES } from './types';

// Parsing and the compile-time allow-list. Anything not explicitly accepted here is rejected
// with the offending token, its offset in the template source, and a hint.

/** An acorn ESTree node; fields are read per `type`. */
export type AstNode = { type: string; start: number; end: number; [field: string]: any };

const CODE_NODE = 'use a Code node for this';
const ASSIGN_HINT = "Expressions can't assign values; use a Set node or a Code node";

// acorn's own parseExpressionAt, keeping the parser to learn where the next token starts:
// `node.end` would stop inside the parentheses of `{{ ($json.a) }}`.
type ExprParser = { nextToken(): void; parseExpression(): AstNode; start: number };
const ExprParser = Parser as unknown as new (options: Options, input: string, start: number) => ExprParser;

/**
 * Parses one expression starting at `start` of `source`; positions stay offsets into `source`.
 * `next` is where the first token after the expression starts (whitespace and comments skipped).
 */
export function parseAt(source: string, start: number): { node: AstNode; next: number } {
  try {
    // startLocation spares acorn its search back for the line's start: without it, a value
    // holding 100,000 templates costs 100,000 scans of the text before each one (quadratic).
    const parser = new ExprParser({ ecmaVersion: 'latest', sourceType: 'script', startLocation: { line: 1, column: 0 } }, source, start);
    parser.nextToken();
    const node = parser.parseExpression();
    return { node, next: parser.start };
  } catch (e) {
    if (e instanceof RangeError) return fail('expr.syntax', 'Expression is nested too deeply', start);
    const err = e as SyntaxError & { pos?: number };
    const pos = typeof err.pos === 'number' ? err.pos : start;
    const message = String(err.message).replace(/\s*\(\d+:\d+\)$/, '');
    const word = /^[A-Za-z]+/.exec(source.slice(pos))?.[0];
    if (word && STATEMENT_WORDS.has(word)) return statement(word, pos);
    return fail('expr.syntax', message, pos);
  }
}

const STATEMENT_WORDS = new Set(['if', 'for', 'while', 'do', 'var', 'let', 'const', 'return', 'switch', 'try', 'throw', 'with', 'break', 'continue', 'debugger']);

export const statement = (word: string, pos: number): never =>
  fail('expr.syntax', `\`${word}\` starts a statement, and expressions can't hold statements`, pos,
    'Write a single expression (use `a ? b : c` for choices), or use a Code node');

/** What validation learned: node names used as $('Name'). */
export interface Checked { nodes: string[] }

/** Validates an expression AST against the allow-list; throws an ExprError on the first problem. */
export function validate(root: AstNode, source: string): Checked {
  const nodes: string[] = [];
  const params: string[] = [];

  const visit = (n: AstNode | null, depth: number, arrowOk = false): void => {
    if (n === null) return; // an array hole
    if (depth > MAX_NESTING) fail('expr.forbidden', `Expression is nested more than ${MAX_NESTING} levels deep`, n.start, 'Split it over several fields or nodes');
    const d = depth + 1;
    switch (n.type) {
      case 'Literal':
        if (n.regex) fail('expr.forbidden', `Regular expression \`${n.raw}\` isn't supported`, n.start,
          "Use string methods like .includes(), .startsWith(), .split() or .replaceAll('a', 'b')");
        if (n.bigint !== undefined) fail('expr.forbidden', `BigInt \`${n.raw}\` isn't supported`, n.start, 'Use a plain number');
        return;
      case 'Identifier': return identifier(n);
      case 'TemplateLiteral': return n.expressions.forEach((x: AstNode) => visit(x, d));
      case 'ArrayExpression': return n.elements.forEach((x: AstNode | null) => visit(x, d));
      case 'SpreadElement': return visit(n.argument, d);
      case 'ObjectExpression': return n.properties.forEach((p: AstNode) => property(p, d));
      case 'MemberExpression': return member(n, d);
      case 'ChainExpression': return visit(n.expression, d);
      case 'CallExpression': return call(n, d);
      case 'BinaryExpression':
        if (n.operator === 'instanceof') fail('expr.forbidden', '`instanceof` isn\'t supported', opAt(n), 'Use typeof x or Array.isArray(x)');
        if (n.left.type === 'PrivateIdentifier') reject(n.left);
        visit(n.left, d); return visit(n.right, d);
      case 'LogicalExpression': visit(n.left, d); return visit(n.right, d);
      case 'ConditionalExpression': visit(n.test, d); visit(n.consequent, d); return visit(n.alternate, d);
      case 'UnaryExpression':
        if (n.operator === 'delete') fail('expr.forbidden', '`delete` isn\'t allowed', n.start, "Expressions can't change data; use a Set node or a Code node");
        return visit(n.argument, d);
      case 'ArrowFunctionExpression':
        if (!arrowOk) fail('expr.forbidden', 'An arrow function can only be passed to a method', n.start, 'Use it like $json.items.map(x => x.price * 2)');
        return arrow(n, d);
      default: return reject(n);
    }
  };

  const identifier = (n: AstNode): void => {
    const name: string = n.name;
    if (params.includes(name) || SCOPE_NAMES.has(name) || CONSTANTS.has(name)) return;
    if (GLOBALS.has(name)) fail('expr.forbidden', `\`${name}\` can only be used as ${name}.name or ${name}(…)`, n.start);
    unknownName(name, n.start);
  };

  const property = (p: AstNode, d: number): void => {
    if (p.type === 'SpreadElement') return visit(p.argument, d);
    if (p.kind !== 'init' || p.method) {
      fail('expr.forbidden', `${p.kind === 'init' ? 'Methods' : 'Getters and setters'} can't be defined in object literals`, p.start, CODE_NODE);
    }
    if (p.computed) visit(p.key, d);
    else {
      const key = p.key.type === 'Identifier' ? p.key.name : String(p.key.value);
      if (FORBIDDEN_KEYS.has(key)) fail('expr.forbidden', `\`${key}\` can't be used as a key`, p.key.start, 'Pick another field name');
    }
    visit(p.value, d);
  };

  const member = (n: AstNode, d: number): void => {
    if (n.object.type === 'Super') reject(n.object);
    if (n.property.type === 'PrivateIdentifier') reject(n.property);
    const key = staticKey(n);
    if (key !== undefined && FORBIDDEN_KEYS.has(key)) {
      fail('expr.forbidden', `\`${key}\` can't be read in expressions`, n.property.start, 'Read the data fields you need directly, e.g. $json.name');
    }
    if (isGlobalRef(n.object)) {
      const m = GLOBALS.get(n.object.name)!.members?.get(key ?? '');
      if (!m) fail('expr.forbidden', `\`${n.object.name}.${key ?? '[…]'}\` isn't available in expressions`, n.property.start, globalHint(n.object.name));
      if (n.computed) visit(n.property, d);
      return;
    }
    visit(n.object, d);
    if (n.computed) visit(n.property, d);
  };

  const call = (n: AstNode, d: number): void => {
    const callee: AstNode = n.callee;
    if (callee.type === 'ArrowFunctionExpression' || callee.type === 'FunctionExpression') {
      fail('expr.forbidden', 'Immediately invoked functions aren\'t allowed', callee.start, CODE_NODE);
    }
    if (callee.type === 'Super') reject(callee);
    if (callee.type === 'Identifier' && GLOBALS.has(callee.name) && !params.includes(callee.name)) {
      if (!GLOBALS.get(callee.name)!.call) fail('expr.forbidden', `\`${callee.name}\` can't be called`, callee.start, globalHint(callee.name));
    } else if (callee.type === 'MemberExpression' && isGlobalRef(callee.object)) {
      member(callee, d);
      const m = GLOBALS.get(callee.object.name)!.members!.get(staticKey(callee)!)!;
      if (!('fn' in m)) fail('expr.forbidden', `\`${callee.object.name}.${staticKey(callee)}\` isn't a function`, callee.property.start);
    } else visit(callee, d);
    const isGlobal = isGlobalRef(callee) || (callee.type === 'MemberExpression' && isGlobalRef(callee.object));
    const arrowOk = !isGlobal || (callee.type === 'MemberExpression' && callee.object.name === 'Array' && staticKey(callee) === 'from');
    if (callee.type === 'Identifier' && callee.name === '$' && n.arguments.length > 0) {
      const name = literalString(n.arguments[0]);
      if (name !== undefined && !nodes.includes(name)) nodes.push(name);
    }
    for (const a of n.arguments) {
      if (a.type === 'ArrowFunctionExpression' && !arrowOk) fail('expr.forbidden', `\`${source.slice(callee.start, callee.end)}\` doesn't take an arrow function`, a.start);
      visit(a, d, true);
    }
  };

  const arrow = (n: AstNode, d: number): void => {
    if (n.async || n.generator) fail('expr.forbidden', 'Async arrow functions aren\'t allowed', n.start, CODE_NODE);
    if (!n.expression) fail('expr.forbidden', 'An arrow function needs an expression body, not { … }', n.body.start, 'Write x => x.price * 2; for statements use a Code node');
    if (n.params.length > 4) fail('expr.forbidden', 'An arrow function takes at most 4 parameters', n.start);
    const names: string[] = [];
    for (const p of n.params as AstNode[]) {
      if (p.type !== 'Identifier') fail('expr.forbidden', 'Arrow function parameters must be plain names', p.start, 'Write item => item.price, not ({ price }) => price');
      if (SCOPE_NAMES.has(p.name) || GLOBALS.has(p.name) || CONSTANTS.has(p.name) || BLOCKED.has(p.name)) {
        fail('expr.forbidden', `\`${p.name}\` can't be a parameter name`, p.start, 'Pick another name, e.g. x or item');
      }
      names.push(p.name);
    }
    params.push(...names);
    visit(n.body, d);
    params.length -= names.length;
  };

  const isGlobalRef = (n: AstNode): boolean => n.type === 'Identifier' && GLOBALS.has(n.name) && !params.includes(n.name);

  const opAt = (n: AstNode): number => {
    const i = source.indexOf(n.operator, n.left.end);
    return i >= 0 && i < n.right.start ? i : n.start;
  };

  const reject = (n: AstNode): never => {
    const [what, hint] = REJECTED[n.type] ?? [`\`${source.slice(n.start, Math.min(n.end, n.start + 20))}\``, CODE_NODE];
    if (n.type === 'AssignmentExpression') return fail('expr.forbidden', `Assignment \`${n.operator}\` isn't allowed`, opAt(n), ASSIGN_HINT);
    if (n.type === 'UpdateExpression') return fail('expr.forbidden', `\`${n.operator}\` isn't allowed`, n.prefix ? n.start : n.argument.end, ASSIGN_HINT);
    return fail('expr.forbidden', `${what} isn't allowed in expressions`, n.start, hint);
  };

  visit(root, 0);
  return { nodes };
}

const REJECTED: Record<string, [string, string]> = {
  NewExpression: ['`new`', 'Use DateTime.fromISO(…) for dates, or a Code node'],
  ThisExpression: ['`this`', 'Use $json for the current item'],
  FunctionExpression: ['`function`', 'Pass an arrow function to a method, e.g. .map(x => x * 2), or use a Code node'],
  ClassExpression: ['`class`', CODE_NODE],
  ImportExpression: ['`import()`', "Expressions can't load modules; use a Code node"],
  MetaProperty: ['`import.meta` / `new.target`', CODE_NODE],
  SequenceExpression: ['The comma operator', 'Write a single expression, or use a Code node'],
  TaggedTemplateExpression: ['A tagged template', 'Use a plain template literal: `Hi ${$json.name}`'],
  AwaitExpression: ['`await`', 'Expressions run synchronously; use a Code node'],
  YieldExpression: ['`yield`', CODE_NODE],
  Super: ['`super`', CODE_NODE],
  PrivateIdentifier: ['A private name', CODE_NODE],
  SpreadElement: ['Spread `…`', 'Spread works inside [ ], { } and call arguments only'],
};

/** Names people try that are deliberately absent, with what to use instead. */
const BLOCKED_HINTS: Record<string, string> = {
  eval: "Expressions can't run code from text; use a Code node",
  Function: "Expressions can't create functions from text; use a Code node",
  require: "Expressions can't load modules; use a Code node",
  module: "Expressions can't load modules; use a Code node",
  process: 'Use $env for allow-listed environment variables',
  globalThis: 'There is no global object in expressions',
  global: 'There is no global object in expressions',
  window: 'There is no global object in expressions',
  self: 'There is no global object in expressions',
  arguments: 'Name the parameters of your arrow function: (x, i) => …',
  Date: 'Use $now, $today or DateTime.fromISO(…)',
  RegExp: 'Use string methods like .includes(), .startsWith() or .replaceAll()',
  console: "Expressions can't log; use a Code node",
  $item: 'Use $json for the current item, or $input.item',
  $items: 'Use $input.all()',
  $workflow: 'Use $flow',
  $execution: 'Use $run',
  $itemIndex: 'Use $index',
  $position: 'Use $index',
};
const BLOCKED = new Set([...Object.keys(BLOCKED_HINTS), 'Error', 'Reflect', 'Proxy', 'Symbol', 'Atomics', 'WebAssembly', 'Buffer', 'Promise']);

function unknownName(name: string, pos: number): never {
  const hint = Object.prototype.hasOwnProperty.call(BLOCKED_HINTS, name) ? BLOCKED_HINTS[name]
    : BLOCKED.has(name) ? `\`${name}\` isn't available in expressions; use a Code node`
    : SCOPE_NAMES.has('$' + name) ? `Did you mean $${name}?`
    : closeGlobal(name) ?? (name.startsWith('$') ? `Available: ${[...SCOPE_NAMES].join(', ')}` : `Did you mean $json.${name}?`);
  return fail('expr.forbidden', `Unknown name \`${name}\``, pos, hint);
}

function closeGlobal(name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const g of [...GLOBALS.keys(), ...CONSTANTS.keys()]) if (g.toLowerCase() === lower) return `Did you mean ${g}?`;
  return undefined;
}

const globalHint = (name: string): string => `Available: ${[...(GLOBALS.get(name)?.members?.keys() ?? [])].map((k) => `${name}.${k}`).join(', ')}`;

/** The key of a member expression when known at compile time: `.a`, `['a']`, `[0]`, `` [`a`] ``. */
export function staticKey(n: AstNode): string | undefined {
  if (!n.computed) return n.property.name;
  return literalString(n.property) ?? (n.property.type === 'Literal' && typeof n.property.value === 'number' ? String(n.property.value) : undefined);
}

/** A string literal, or a template literal without `${}`, as its value. */
export function literalString(n: AstNode): string | undefined {
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0].value.cooked ?? undefined;
  return undefined;
}

