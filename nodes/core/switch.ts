import { defineNode, p, toNumber, type Item } from '../../engine/sdk';
import { compileRules, rulesProblems, rulesShape } from './conditions';

const MAX_OUTPUTS = 100;


export default defineNode({
  type: 'core.switch', version: 1,
  title: 'Switch', category: 'flow', icon: 'split',
  description: 'Routes each item to one of several outputs: to the first rule it matches (or every one), or to the output an expression names.',
  inputs: ['main'],
  batching: 'item', // rules and the output expression look at one item at a time
  // Ports are numbered, not named after rules, so renaming a rule never cuts its edges. Params
  // may still be flawed here (the editor draws ports of a half-filled node), hence the bounds.
  outputs: ({ routing, fallback }) => {
    const count = routing.mode === 'expression' ? routing.outputs : Array.isArray(routing.rules) ? routing.rules.length : 0;
    const ports: string[] = [];
    for (let i = 0; i < Math.min(MAX_OUTPUTS, Number.isInteger(count) ? count : 0); i++) ports.push(String(i));
    if (fallback === true) ports.push('fallback');
    return ports;
  },
  outputLabels: (params) => (params.routing.mode === 'rules'
    ? Object.fromEntries(params.routing.rules.flatMap((r, i) => (r.outputName ? [[String(i), r.outputName]] : [])))
    : {}),
  params: p.object({
    routing: p.variant('mode', {
      rules: {
        rules: p.list(p.object({
          ...rulesShape,
          outputName: p.string().literal().describe('A label for this rule\'s output, shown on the canvas.'),
        })).literal().default([]).describe('One output per rule, numbered from 0 in this order.'),
        allMatching: p.boolean().default(false).literal().describe('Send an item to every rule it matches instead of only the first.'),
      },
      expression: {
        output: p.value().required().describe('An expression giving the output number, 0 for the first: {{ $json.priority === "high" ? 0 : 1 }}.'),
        outputs: p.number().int().min(1).max(MAX_OUTPUTS).default(2).literal().describe('How many outputs the node has.'),
      },
    }).default({ mode: 'rules', rules: [], allMatching: false }).describe('Route by rules built from conditions, or by an expression.'),
    fallback: p.boolean().default(false).literal().describe(
      'Add a "fallback" output for items that match no rule (or whose output number does not exist); without it they are dropped (rules) or fail the node (expression).',
    ),
  }),
  check: (v) => (v.routing?.mode === 'rules' && Array.isArray(v.routing.rules)
    ? v.routing.rules.flatMap((r, i) => rulesProblems(r, `params.routing.rules[${i}]`)) : []),
  execute(ctx) {
    // Params are read only with items: an expression may need $json to resolve.
    if (!ctx.items.length) return {};
    const { routing, fallback: hasFallback } = ctx.params;
    const ports: Item[][] = [];
    const fallback: Item[] = [];
    const result = () => {
      const out: Record<string, Item[]> = {};
      for (let i = 0; i < ports.length; i++) out[String(i)] = ports[i];
      if (hasFallback) out.fallback = fallback;
      return out;
    };

    if (routing.mode === 'expression') {
      const count = routing.outputs;
      for (let i = 0; i < count; i++) ports.push([]);
      for (const { item, index, params } of ctx.each()) {
        const v = params.routing.mode === 'expression' ? params.routing.output : undefined;
        const n = typeof v === 'number' ? v : toNumber(v);
        if (n !== undefined && Number.isInteger(n) && n >= 0 && n < count) ports[n].push(item);
        else if (hasFallback) fallback.push(item);
        else {
          ctx.fail(`item ${index}: the output expression gave ${JSON.stringify(v) ?? 'undefined'}; it must give a whole number from 0 to ${count - 1}`, {
            code: 'param.invalid', path: 'params.routing.output',
          });
        }
      }
      return result();
    }

    const rules = routing.rules;
    for (let r = 0; r < rules.length; r++) ports.push([]);
    const tests = rules.map((rule, r) => compileRules(rule, `params.routing.rules[${r}]`, ctx.fail));
    const all = routing.allMatching;
    const n = tests.length;
    for (const { item, params } of ctx.each()) {
      const resolved = params.routing.mode === 'rules' ? params.routing.rules : rules;
      let matched = false;
      for (let r = 0; r < n; r++) {
        if (!tests[r](resolved[r])) continue;
        ports[r].push(item);
        matched = true;
        if (!all) break;
      }
      if (!matched && hasFallback) fallback.push(item);
    }
    return result();
  },
});
