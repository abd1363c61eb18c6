/**
 * Conditions shared by Filter, If and Switch: the params fields and their evaluation.
 * Not a node: no default export.
 *
 * Operators, combine and ignoreCase are literal, so a comparator per condition is built
 * once per node run; only value1/value2 are resolved per item (they usually hold
 * `{{ $json.x }}`).
 */
import { compilePattern, isExpression, p, patternProblem, type Item, type NodeContext, type Problem } from '../../engine/sdk';
import { compareLoose, isEmpty, looseEquals, toBoolean } from './values';

export const OPERATORS = [
  'equals', 'notEquals', 'gt', 'gte', 'lt', 'lte', 'contains', 'notContains', 'startsWith', 'endsWith',
  'matches', 'isEmpty', 'isNotEmpty', 'isTrue', 'isFalse', 'exists', 'notExists',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** What the editor shows for each operator: a phrase that reads as a sentence with the two values. */
const OPERATOR_LABELS: Record<Operator, string> = {
  equals: 'is equal to', notEquals: 'is not equal to', gt: 'is greater than', gte: 'is greater than or equal to',
  lt: 'is less than', lte: 'is less than or equal to', contains: 'contains', notContains: 'does not contain',
  startsWith: 'starts with', endsWith: 'ends with', matches: 'matches pattern', isEmpty: 'is empty',
  isNotEmpty: 'is not empty', isTrue: 'is true', isFalse: 'is false', exists: 'exists', notExists: 'does not exist',
};

const UNARY: readonly Operator[] = ['isEmpty', 'isNotEmpty', 'isTrue', 'isFalse', 'exists', 'notExists'];
const BINARY = OPERATORS.filter((o) => !UNARY.includes(o));

export const conditionField = p.object({
  value1: p.value().describe('The value to test, usually an expression such as {{ $json.amount }}.'),
  operator: p.select(OPERATORS, OPERATOR_LABELS).default('equals').literal().describe(
    'How to compare. Numbers and numeric text compare as numbers ("42" equals 42), ISO dates as dates, '
    + 'other text as text; contains works on text, lists (an equal element) and objects (a key); '
    + 'matches takes a regular expression such as ^INV-\\d+$ or /^inv-/i; exists means the field is present.',
  ),
  value2: p.value().showWhen({ operator: BINARY }).describe('What to compare with: a fixed value or an expression.'),
});

/** The fields of one group of conditions: the `rules` case of Filter and If, and one rule of Switch. */
export const rulesShape = {
  conditions: p.list(conditionField).literal().default([]).describe('The conditions to test. With none, every item matches.'),
  combine: p.select(['and', 'or']).default('and').literal().describe('"and": every condition must hold; "or": at least one.'),
  ignoreCase: p.boolean().default(false).literal().describe('Compare text without regard to upper and lower case.'),
};

/** Filter's and If's `when` param: a list of conditions, or one boolean expression. */
export const whenField = () =>
  p.variant('mode', {
    rules: rulesShape,
    expression: {
      condition: p.value().required().describe('An expression that gives true or false, e.g. {{ $json.amount > 500 && $json.country === "DE" }}.'),
    },
  }).default({ mode: 'rules', conditions: [], combine: 'and', ignoreCase: false })
    .describe('Build the test from conditions, or write it as one expression.');

export interface Condition { value1: unknown; operator: Operator; value2?: unknown }
export interface Rules { conditions: Condition[]; combine: 'and' | 'or'; ignoreCase: boolean }
export type When = ({ mode: 'rules' } & Rules) | { mode: 'expression'; condition: unknown };
type Fail = NodeContext<unknown>['fail'];
type Compare = (a: unknown, b: unknown) => boolean;

const preview = (v: unknown) => (JSON.stringify(v) ?? String(v)).slice(0, 80);
const asText = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

function contains(a: unknown, b: unknown, ignoreCase: boolean): boolean {
  if (Array.isArray(a)) {
    for (let i = 0; i < a.length; i++) if (looseEquals(a[i], b, ignoreCase)) return true;
    return false;
  }
  const x = asText(a);
  if (x !== undefined) {
    const y = asText(b);
    return y !== undefined && (ignoreCase ? x.toLowerCase().includes(y.toLowerCase()) : x.includes(y));
  }
  if (a !== null && typeof a === 'object' && typeof b === 'string') return Object.prototype.hasOwnProperty.call(a, b);
  return false;
}

function affix(kind: 'start' | 'end', ignoreCase: boolean): Compare {
  return (a, b) => {
    let x = asText(a);
    let y = asText(b);
    if (x === undefined || y === undefined) return false;
    if (ignoreCase) { x = x.toLowerCase(); y = y.toLowerCase(); }
    return kind === 'start' ? x.startsWith(y) : x.endsWith(y);
  };
}

function toRegExp(source: unknown, ignoreCase: boolean, path: string, fail: Fail): (text: string) => boolean {
  const text = asText(source);
  if (text === undefined) return fail(`needs a regular expression as text, not ${preview(source)}`, { code: 'param.invalid', path });
  const { body, flags } = patternOf(text, ignoreCase);
  const problem = patternProblem(body, flags);
  if (problem) return fail(problem, { code: 'param.invalid', path });
  return compilePattern(body, flags);
}

/** Splits "/body/flags" as people paste it; g and y are dropped because they make test() stateful. */
function patternOf(text: string, ignoreCase: boolean): { body: string; flags: string } {
  const literal = /^\/(.+)\/([a-z]*)$/s.exec(text);
  let flags = literal ? literal[2].replace(/[gy]/g, '') : '';
  if (ignoreCase && !flags.includes('i')) flags += 'i';
  return { body: literal ? literal[1] : text, flags };
}

/**
 * Problems visible before any item runs: `matches` conditions whose pattern is fixed text and
 * can't be used (invalid, or backreferences and lookaround, which the linear-time engine refuses).
 */
export function rulesProblems(rules: Partial<Rules> | undefined, path: string): Problem[] {
  const out: Problem[] = [];
  (Array.isArray(rules?.conditions) ? rules.conditions : []).forEach((c, i) => {
    if (c?.operator !== 'matches' || typeof c.value2 !== 'string' || isExpression(c.value2)) return;
    const { body, flags } = patternOf(c.value2, rules?.ignoreCase === true);
    const problem = patternProblem(body, flags);
    if (problem) out.push({ path: `${path}.conditions[${i}].value2`, code: 'param.invalid', message: problem });
  });
  return out;
}

/** The same for Filter's and If's `when`. */
export const whenProblems = (when: Partial<When> | undefined, path: string): Problem[] =>
  (when?.mode === 'rules' ? rulesProblems(when as Partial<Rules>, path) : []);

/** One comparator per condition, built once per node run. */
export function compileOperator(op: Operator, ignoreCase: boolean, path: string, fail: Fail): Compare {
  const ic = ignoreCase;
  const order = (test: (c: number) => boolean): Compare => (a, b) => {
    const c = compareLoose(a, b, ic);
    return c !== undefined && test(c);
  };
  switch (op) {
    case 'equals': return (a, b) => looseEquals(a, b, ic);
    case 'notEquals': return (a, b) => !looseEquals(a, b, ic);
    case 'gt': return order((c) => c > 0);
    case 'gte': return order((c) => c >= 0);
    case 'lt': return order((c) => c < 0);
    case 'lte': return order((c) => c <= 0);
    case 'contains': return (a, b) => contains(a, b, ic);
    case 'notContains': return (a, b) => !contains(a, b, ic);
    case 'startsWith': return affix('start', ic);
    case 'endsWith': return affix('end', ic);
    case 'matches': {
      // value2 is usually static: the regular expression is rebuilt only when it changes.
      let source: unknown;
      let test: ((text: string) => boolean) | undefined;
      return (a, b) => {
        if (test === undefined || b !== source) { test = toRegExp(b, ic, path, fail); source = b; }
        const x = asText(a);
        return x !== undefined && test(x);
      };
    }
    case 'isEmpty': return (a) => isEmpty(a);
    case 'isNotEmpty': return (a) => !isEmpty(a);
    case 'isTrue': return (a) => toBoolean(a) === true;
    case 'isFalse': return (a) => toBoolean(a) === false;
    case 'exists': return (a) => a !== undefined;
    case 'notExists': return (a) => a === undefined;
    default: return fail(`unknown operator ${preview(op)}`, { code: 'param.invalid', path });
  }
}

/** Compiles a group of conditions; the result tests one item's resolved group. */
export function compileRules(rules: Rules, path: string, fail: Fail): (resolved: Rules) => boolean {
  const conditions = rules.conditions ?? [];
  const tests = conditions.map((c, i) => compileOperator(c.operator, rules.ignoreCase === true, `${path}.conditions[${i}].value2`, fail));
  const n = tests.length;
  if (rules.combine === 'or') {
    return (r) => {
      const cs = r.conditions;
      for (let i = 0; i < n; i++) if (tests[i](cs[i].value1, cs[i].value2)) return true;
      return n === 0;
    };
  }
  return (r) => {
    const cs = r.conditions;
    for (let i = 0; i < n; i++) if (!tests[i](cs[i].value1, cs[i].value2)) return false;
    return true;
  };
}

/** What a boolean expression gave, read strictly enough that "false" is not true. */
export function holds(v: unknown, index: number, path: string, fail: Fail): boolean {
  if (v === true || v === false) return v;
  if (v === undefined || v === null || v === '') return false;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  const b = toBoolean(v);
  if (b !== undefined) return b;
  return fail(`item ${index}: the condition gave ${preview(v)}; it must give true or false`, { code: 'param.invalid', path });
}

/**
 * Compiles Filter's and If's `when` into a test of one item. Operators and combine are read
 * once, as written; per item only value1/value2 (or the condition) are resolved, and with
 * "and"/"or" the later conditions are not evaluated once the answer is known.
 */
export function compileItemTest(ctx: NodeContext<{ when: When }>, path: string): (item: Item, index: number) => boolean {
  const when = ctx.paramsAsWritten.when;
  if (when.mode === 'expression') {
    const at = `${path}.condition`;
    const condition = ctx.paramReader(['when', 'condition']);
    return (item, index) => holds(condition(item, index), index, at, ctx.fail);
  }
  const conditions = when.conditions ?? [];
  const tests = conditions.map((c, i) => compileOperator(c.operator, when.ignoreCase === true, `${path}.conditions[${i}].value2`, ctx.fail));
  const left = conditions.map((_, i) => ctx.paramReader(['when', 'conditions', i, 'value1']));
  const right = conditions.map((_, i) => ctx.paramReader(['when', 'conditions', i, 'value2']));
  const n = tests.length;
  if (when.combine === 'or') {
    return (item, index) => {
      for (let i = 0; i < n; i++) if (tests[i](left[i](item, index), right[i](item, index))) return true;
      return n === 0;
    };
  }
  return (item, index) => {
    for (let i = 0; i < n; i++) if (!tests[i](left[i](item, index), right[i](item, index))) return false;
    return true;
  };
}

/** The items whose `when` holds, and the rest (Filter, If). */
export function splitByWhen(ctx: NodeContext<{ when: When }>): [Item[], Item[]] {
  const pass: Item[] = [];
  const rest: Item[] = [];
  const items = ctx.items;
  if (!items.length) return [pass, rest];
  const test = compileItemTest(ctx, 'params.when');
  for (let index = 0; index < items.length; index++) (test(items[index], index) ? pass : rest).push(items[index]);
  return [pass, rest];
}
