import { placeholder, single, type Mapped, type MapInput } from './mapping';
import { expression, jsonAccess, typedValue } from './values';

interface NrRule { t?: string; v?: unknown; vt?: string; v2?: unknown; v2t?: string; case?: boolean }
interface Condition { value1: unknown; operator: string; value2?: unknown }

const SIMPLE: Record<string, string> = {
  eq: 'equals', neq: 'notEquals', lt: 'lt', lte: 'lte', gt: 'gt', gte: 'gte', cont: 'contains', regex: 'matches',
  true: 'isTrue', false: 'isFalse', empty: 'isEmpty', nempty: 'isNotEmpty', hask: 'contains',
};

const TYPE_TESTS: Record<string, (x: string) => string> = {
  string: (x) => `typeof ${x} === "string"`, number: (x) => `typeof ${x} === "number"`, boolean: (x) => `typeof ${x} === "boolean"`,
  array: (x) => `Array.isArray(${x})`, object: (x) => `typeof ${x} === "object" && ${x} !== null && !Array.isArray(${x})`,
  null: (x) => `${x} === null`, undefined: (x) => `${x} === undefined`,
};

class Unsupported extends Error {}

/**
 * switch → Switch with one output per rule (rules mode); "checking all rules" becomes
 * allMatching, stopping at the first match otherwise. An "otherwise" rule in last place becomes
 * the fallback output. A rule Junction cannot test makes the whole node a placeholder, as
 * dropping it would renumber the outputs.
 */
export function mapSwitch(m: MapInput): Mapped {
  const n = m.node;
  const rules: NrRule[] = Array.isArray(n.rules) ? (n.rules as NrRule[]) : [];
  const prop = typeof n.property === 'string' ? n.property : 'payload';
  const ptype = typeof n.propertyType === 'string' ? n.propertyType : 'msg';
  let subject: string | undefined;
  if (ptype === 'msg') subject = jsonAccess(prop);
  else if (ptype === 'jsonata' || ptype === 'env') {
    const v = typedValue(prop, ptype, `${m.path}.property`, m.report);
    subject = typeof v === 'string' && /^\{\{ (.*) \}\}$/.test(v) ? v.slice(3, -3) : undefined;
  }
  if (!subject) return placeholder(m, `tests ${ptype} ${JSON.stringify(prop)}, which Junction cannot read`);
  const elseAt = rules.findIndex((r) => r.t === 'else');
  if (elseAt !== -1 && elseAt !== rules.length - 1) return placeholder(m, 'has an "otherwise" rule before other rules');
  if (n.repair) m.report('warning', 'option', `${m.path}.repair`, 'recreates message sequences, which Junction items do not have; ignored');

  try {
    const junctionRules = rules.slice(0, elseAt === -1 ? rules.length : elseAt).map((r, i) => {
      const at = `${m.path}.rules[${i}]`;
      const value = (v: unknown, vt: string | undefined, where: string) => {
        if (vt === 'prev' || vt === 'flow' || vt === 'global') throw new Unsupported(`rule ${i + 1} compares with ${vt === 'prev' ? 'the previous value' : `${vt} context`}`);
        if (vt === 're') return typeof v === 'string' ? v : String(v ?? '');
        return typedValue(v, vt ?? 'str', where, m.report);
      };
      return { conditions: conditionsOf(r, `{{ ${subject} }}`, subject!, value, at), combine: 'and', ignoreCase: r.t === 'regex' && r.case === true, outputName: '' };
    });
    const allMatching = n.checkall === true || n.checkall === 'true';
    const ports = junctionRules.map((_, i) => String(i));
    if (elseAt !== -1) {
      ports.push('fallback');
      if (allMatching) m.report('info', 'option', `${m.path}.rules[${elseAt}]`, 'the "otherwise" rule became the fallback output: it gets items that match no rule');
    }
    return single(m, 'core.switch', { routing: { mode: 'rules', rules: junctionRules, allMatching }, fallback: elseAt !== -1 }, ports);
  } catch (e) {
    if (e instanceof Unsupported) return placeholder(m, `has a rule Junction cannot test (${e.message})`);
    throw e;
  }
}

function conditionsOf(r: NrRule, value1: string, subject: string, value: (v: unknown, vt: string | undefined, where: string) => unknown, at: string): Condition[] {
  const t = r.t ?? '';
  if (SIMPLE[t]) {
    const op = SIMPLE[t];
    const unary = ['isTrue', 'isFalse', 'isEmpty', 'isNotEmpty'].includes(op);
    return [{ value1, operator: op, ...(unary ? {} : { value2: value(r.v, t === 'regex' ? 're' : r.vt, `${at}.v`) }) }];
  }
  if (t === 'btwn') return [{ value1, operator: 'gte', value2: value(r.v, r.vt, `${at}.v`) }, { value1, operator: 'lte', value2: value(r.v2, r.v2t, `${at}.v2`) }];
  const test = t === 'null' ? `${subject} === null || ${subject} === undefined`
    : t === 'nnull' ? `${subject} !== null && ${subject} !== undefined`
      : t === 'istype' ? TYPE_TESTS[String(r.v)]?.(subject) : undefined;
  const expr = test && expression(test);
  if (!expr) throw new Unsupported(`rule type ${JSON.stringify(t)}${t === 'istype' ? ` ${JSON.stringify(r.v)}` : ''}`);
  return [{ value1: expr, operator: 'isTrue' }];
}
