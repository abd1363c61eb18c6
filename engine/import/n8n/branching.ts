/** If, Filter and Switch (every version) → core.if, core.filter, core.switch. */
import type { Mapper, MapContext } from './context';
import { read } from './context';
import { ignoreCaseOption, isFilterShape, v1Condition, v1Rules, v2Rules, type Rules } from './conditions';

const when = (c: MapContext): Rules & { mode: 'rules' } =>
  ({ mode: 'rules', ...(isFilterShape(c) ? v2Rules(c, 'conditions', ignoreCaseOption(c)) : v1Rules(c)) });

export const mapIf: Mapper = (c) => ({
  type: 'core.if', params: { when: when(c) }, outputCount: 2,
  outputs: (i) => [i === 0 ? 'true' : 'false'],
});

export const mapFilter: Mapper = (c) => ({ type: 'core.filter', params: { when: when(c) } });

const MAX_OUTPUTS = 32;

/** Edges from n8n output k leave from every Junction port that feeds it. */
function portsByOutput(ruleOutputs: number[], fallback: number | 'extra' | undefined): (k: number) => string[] {
  return (k) => {
    const ports = ruleOutputs.flatMap((out, i) => (out === k ? [String(i)] : []));
    const extraAt = ruleOutputs.length === 0 ? 0 : Math.max(...ruleOutputs) + 1;
    if (fallback === k || (fallback === 'extra' && k === extraAt)) ports.push('fallback');
    return ports;
  };
}

/** Switch v1 and v2: one value compared by each rule; v1 rules name an output (0–3), v2 rules have their own. */
function switchV1(c: MapContext): ReturnType<Mapper> {
  const p = c.params;
  if (p.mode === 'expression') {
    const outputs = c.version >= 2 ? Number(p.outputsAmount ?? 4) : 4;
    return {
      type: 'core.switch', outputCount: outputs,
      params: { routing: { mode: 'expression', output: c.value(p.output ?? 0, 'output'), outputs: Math.min(outputs, MAX_OUTPUTS) }, fallback: false },
      outputs: (k) => [String(k)],
    };
  }
  const type = String(p.dataType ?? 'number');
  const list = (read(p, 'rules.rules') ?? []) as Record<string, unknown>[];
  const rules = list.map((r, i) => ({
    conditions: [v1Condition(c, type, r.operation ?? (type === 'number' ? 'equal' : undefined), p.value1, r.value2, `rules.rules[${i}]`)],
    combine: 'and', ignoreCase: false,
    ...(typeof r.outputKey === 'string' && r.outputKey ? { outputName: r.outputKey } : {}),
  }));
  const ruleOutputs = list.map((r, i) => (c.version >= 2 ? i : Number(r.output ?? 0)));
  const fb = p.fallbackOutput;
  const fallback = fb === 'extra' ? 'extra' : typeof fb === 'number' && fb >= 0 ? fb : undefined;
  return {
    type: 'core.switch', outputCount: c.version >= 2 ? rules.length + (fallback === 'extra' ? 1 : 0) : 4,
    params: { routing: { mode: 'rules', rules, allMatching: false }, fallback: fallback !== undefined },
    outputs: portsByOutput(ruleOutputs, fallback),
  };
}

/** Switch v3: each rule a filter-shape group with its own output; fallback none, extra or an output number. */
function switchV3(c: MapContext): ReturnType<Mapper> {
  const p = c.params;
  const options = (p.options ?? {}) as Record<string, unknown>;
  if (p.mode === 'expression') {
    const outputs = Number(p.numberOutputs ?? 4);
    return {
      type: 'core.switch', outputCount: outputs,
      params: { routing: { mode: 'expression', output: c.value(p.output ?? 0, 'output'), outputs: Math.min(outputs, MAX_OUTPUTS) }, fallback: false },
      outputs: (k) => [String(k)],
    };
  }
  const list = (read(p, 'rules.values') ?? read(p, 'rules.rules') ?? []) as Record<string, unknown>[];
  const key = read(p, 'rules.values') ? 'values' : 'rules';
  const rules = list.map((r, i) => ({
    ...v2Rules(c, `rules.${key}[${i}].conditions`, options.ignoreCase === true),
    ...(r.renameOutput && typeof r.outputKey === 'string' ? { outputName: r.outputKey } : {}),
  }));
  const fb = options.fallbackOutput;
  const fallback = fb === 'extra' ? 'extra' : typeof fb === 'number' && fb >= 0 ? fb : undefined;
  return {
    type: 'core.switch', outputCount: rules.length + (fallback === 'extra' ? 1 : 0),
    params: { routing: { mode: 'rules', rules, allMatching: options.allMatchingOutputs === true }, fallback: fallback !== undefined },
    outputs: portsByOutput(list.map((_, i) => i), fallback),
  };
}

export const mapSwitch: Mapper = (c) => (c.version >= 3 ? switchV3(c) : switchV1(c));
