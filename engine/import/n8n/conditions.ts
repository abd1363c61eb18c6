/**
 * n8n conditions as Junction's condition groups (core.if, core.filter, core.switch): the v1 shape
 * (`conditions: { string: [...], number: [...] }` + combineOperation) and the filter shape of
 * If v2, Filter v2 and Switch v3 (`conditions: { combinator, conditions: [{ leftValue, operator }] }`).
 */
import type { MapContext } from './context';
import { read } from './context';
import { soleExpression } from './expressions';

export interface Condition { value1: unknown; operator: string; value2?: unknown }
export interface Rules { conditions: Condition[]; combine: 'and' | 'or'; ignoreCase: boolean }

/** v1 operations per data type; absent ones have no Junction operator. */
const V1_OPS: Record<string, string> = {
  equal: 'equals', notEqual: 'notEquals', contains: 'contains', notContains: 'notContains', startsWith: 'startsWith',
  endsWith: 'endsWith', regex: 'matches', isEmpty: 'isEmpty', isNotEmpty: 'isNotEmpty',
  smaller: 'lt', smallerEqual: 'lte', larger: 'gt', largerEqual: 'gte', after: 'gt', before: 'lt',
};
/** The operation n8n assumes when a v1 condition leaves it out, per data type. */
export const V1_DEFAULT_OP: Record<string, string> = { string: 'equal', number: 'smaller', boolean: 'equal', dateTime: 'after' };
const V1_DEFAULT_VALUE: Record<string, unknown> = { string: '', number: 0, boolean: false, dateTime: '' };

/** One v1 comparison (If v1, Filter v1, Switch v1/v2 rules) as a Junction condition. */
export function v1Condition(c: MapContext, type: string, operation: unknown, value1: unknown, value2: unknown, rel: string): Condition {
  const op = String(operation ?? V1_DEFAULT_OP[type] ?? 'equal');
  const operator = V1_OPS[op];
  if (!operator) c.unsupported(`the ${type} comparison "${op}" (at ${rel}) has no Junction operator`);
  const v1 = c.value(value1 ?? V1_DEFAULT_VALUE[type], `${rel}.value1`);
  const unary = operator === 'isEmpty' || operator === 'isNotEmpty';
  return unary ? { value1: v1, operator } : { value1: v1, operator, value2: c.value(value2 ?? V1_DEFAULT_VALUE[type], `${rel}.value2`) };
}

/** If v1 / Filter v1: `conditions.{boolean,dateTime,number,string}[]` and combineOperation. */
export function v1Rules(c: MapContext): Rules {
  const groups = (c.params.conditions ?? {}) as Record<string, unknown>;
  const conditions: Condition[] = [];
  for (const type of ['boolean', 'dateTime', 'number', 'string']) {
    const list = groups[type];
    if (!Array.isArray(list)) continue;
    list.forEach((x: Record<string, unknown>, i) => conditions.push(v1Condition(c, type, x?.operation, x?.value1, x?.value2, `conditions.${type}[${i}]`)));
  }
  const combine = (c.params.combineOperation ?? c.params.combineConditions) === 'any' ? 'or' : 'and';
  return { conditions, combine, ignoreCase: false };
}

/** Filter-shape operators (`type.operation`) with a direct Junction operator. */
const V2_OPS: Record<string, string> = {
  exists: 'exists', notExists: 'notExists', empty: 'isEmpty', notEmpty: 'isNotEmpty',
  equals: 'equals', notEquals: 'notEquals', contains: 'contains', notContains: 'notContains',
  startsWith: 'startsWith', endsWith: 'endsWith', regex: 'matches',
  gt: 'gt', lt: 'lt', gte: 'gte', lte: 'lte', larger: 'gt', smaller: 'lt', largerEqual: 'gte', smallerEqual: 'lte',
  after: 'gt', before: 'lt', afterOrEquals: 'gte', beforeOrEquals: 'lte', true: 'isTrue', false: 'isFalse',
};
const LENGTH_OPS: Record<string, string> = {
  lengthEquals: 'equals', lengthNotEquals: 'notEquals', lengthGt: 'gt', lengthLt: 'lt', lengthGte: 'gte', lengthLte: 'lte',
};

/** One filter-shape condition. Array length tests read `.length` of the left value. */
function v2Condition(c: MapContext, x: Record<string, unknown>, rel: string): Condition {
  const op = (x?.operator ?? {}) as { type?: string; operation?: string; singleValue?: boolean };
  const operation = String(op.operation ?? 'equals');
  let operator = V2_OPS[operation];
  let value1 = c.value(x?.leftValue ?? '', `${rel}.leftValue`);
  if (!operator && LENGTH_OPS[operation]) {
    const code = soleExpression(x?.leftValue);
    if (code === undefined) c.unsupported(`the array test "${operation}" (at ${rel}) needs its left value to be one expression`);
    value1 = `{{ (${code}).length }}`;
    operator = LENGTH_OPS[operation];
  }
  if (!operator) c.unsupported(`the ${op.type ?? ''} comparison "${operation}" (at ${rel}) has no Junction operator`);
  const unary = ['exists', 'notExists', 'isEmpty', 'isNotEmpty', 'isTrue', 'isFalse'].includes(operator);
  return unary ? { value1, operator } : { value1, operator, value2: c.value(x?.rightValue ?? '', `${rel}.rightValue`) };
}

/** The filter shape at `rel` (`conditions` for If/Filter, `rules.values[i].conditions` for Switch). */
export function v2Rules(c: MapContext, rel: string, ignoreCaseOption = false): Rules {
  const group = (read(c.params, rel) ?? {}) as { combinator?: string; conditions?: unknown; options?: { caseSensitive?: boolean } };
  const list = Array.isArray(group.conditions) ? group.conditions : [];
  const conditions = list.map((x, i) => v2Condition(c, x as Record<string, unknown>, `${rel}.conditions[${i}]`));
  const ignoreCase = ignoreCaseOption || group.options?.caseSensitive === false;
  return { conditions, combine: group.combinator === 'or' ? 'or' : 'and', ignoreCase };
}

/** If and Filter from v2 on keep their conditions in the filter shape. */
export const isFilterShape = (c: MapContext) => c.version >= 2;

/** If/Filter v2 also had a node-level "ignore case" option. */
export const ignoreCaseOption = (c: MapContext) => read(c.params, 'options.ignoreCase') === true;
