import { copyFields, defineNode, deletePath, JunctionError, p, patternProblem, setPath, type Infer, type Item, type Problem } from '../../../engine/sdk';
import { pathProblem, splitPath } from './assign-path';
import { compileSteps, runSteps, transformProblems, transformSchema, type Step, type Transform } from './transforms';
import { checkValue, compileCheck, Rejection, validationSchema, type Check } from './validation';

const field = p.object({
  name: p.fieldPath().required().literal().placeholder('customer.email')
    .describe('The field to set. Dots create nested objects: customer.email gives { customer: { email } }.'),
  value: p.value().placeholder('{{ $json.email }}')
    .describe('Usually an expression such as {{ $json.email }}; one {{ }} alone keeps its type (number, list, object). Empty sets null.'),
  transforms: p.list(transformSchema).default([]).describe('Applied in order to the value.'),
  validation: validationSchema,
});

const params = p.object({
  mode: p.select(['merge', 'replace']).default('merge').literal()
    .describe('merge keeps the incoming fields and sets the listed ones; replace outputs only the listed fields.'),
  fields: p.list(field).default([])
    .describe('Set in order. Expressions read the incoming item ($json), not fields set above them.'),
  remove: p.list(p.fieldPath().literal()).default([]).showWhen({ mode: ['merge'] })
    .describe('Incoming fields to drop (dots reach into nested objects). Dropped before the fields above are set.'),
  dotNotation: p.boolean().default(true).literal()
    .describe('Read dots in names as nesting. Turn off to use names that contain dots, such as "No.".'),
});

type Params = Exclude<Infer<typeof params>, undefined>;
interface Plan { name: string; path: string[] | null; steps: Step[] | null; check: Check | null }

/** Problems the schema cannot see: unwritable names, bad regexes, unknown zones or countries. */
function configProblems(v: Params, withTransforms: boolean): Problem[] {
  const out: Problem[] = [];
  const add = (path: string, message: string) => out.push({ path, message, code: 'param.invalid' });
  const isDotted = v.dotNotation !== false;
  (Array.isArray(v.fields) ? v.fields : []).forEach((f, i) => {
    const at = `params.fields[${i}]`;
    const nameProblem = typeof f?.name === 'string' ? pathProblem(f.name, isDotted) : undefined;
    if (nameProblem) add(`${at}.name`, nameProblem);
    const rules = f?.validation;
    const bad = typeof rules?.pattern === 'string' ? patternProblem(rules.pattern) : undefined;
    if (bad) add(`${at}.validation.pattern`, `${f.name}: ${bad}`);
    if (rules?.min !== undefined && rules.max !== undefined && rules.min > rules.max) add(`${at}.validation.max`, `is smaller than min (${rules.min})`);
    if (withTransforms && Array.isArray(f?.transforms)) f.transforms.forEach((t, j) => out.push(...transformProblems(t, `${at}.transforms[${j}]`)));
  });
  (Array.isArray(v.remove) ? v.remove : []).forEach((r, i) => {
    const m = typeof r === 'string' ? pathProblem(r, isDotted) : undefined;
    if (m) add(`params.remove[${i}]`, m);
  });
  return out;
}

/**
 * Why one item failed: a check or transform, or an expression that failed on this item's data
 * (like a failed check, the item leaves through "error"). A runaway expression (budget, size),
 * a forbidden key or anything else fails the node itself.
 */
function rejectionOf(e: unknown): Rejection {
  if (e instanceof Rejection) return e;
  if (e instanceof JunctionError && (e.code === 'expr.runtime' || e.code === 'param.invalid')) return new Rejection('expression', e.message.replace(/^item \d+: /, ''));
  throw e;
}

function withError(src: Record<string, unknown>, field: string, r: Rejection): Record<string, unknown> {
  const json = copyFields(src);
  json.error = { field, rule: r.rule, message: `${field}: ${r.message}` };
  return json;
}

const setNode = defineNode({
  type: 'core.set', version: 1,
  title: 'Edit Fields', category: 'transform',
  description: 'Sets, maps, formats and checks fields. Items failing a check or a transform leave through "error" with the reason.',
  inputs: ['main'], outputs: ['main', 'error'],
  batching: 'item', // each item's fields come from that item alone
  params,
  check: (v) => configProblems(v, true),
  execute(ctx) {
    if (ctx.items.length === 0) return { main: [], error: [] };
    // Names, modes, patterns and transform kinds are literal: read once, as written, whatever the items hold.
    const config = ctx.paramsAsWritten;
    const problem = configProblems(config, false)[0];
    if (problem) ctx.fail(problem.message, { code: problem.code, path: problem.path });
    const isDotted = config.dotNotation;
    const plans: Plan[] = config.fields.map((f) => ({
      name: f.name, path: splitPath(f.name, isDotted), steps: compileSteps(f.transforms), check: compileCheck(f.validation),
    }));
    // Only the values (and transforms, when they hold expressions) are resolved per item.
    const values = plans.map((_, i) => ctx.paramReader(['fields', i, 'value']));
    const transforms = plans.map((plan, i) => (plan.steps === null ? null : (ctx.paramReader(['fields', i, 'transforms']) as (item: Item, index: number) => Transform[])));
    const removes = config.mode === 'merge' ? config.remove : [];
    const flatRemoves = removes.filter((r) => splitPath(r, isDotted) === null);
    const skip = flatRemoves.length ? new Set(flatRemoves) : null;
    const nestedRemoves = removes.map((r) => splitPath(r, isDotted)).filter((r): r is string[] => r !== null);
    const isReplace = config.mode === 'replace';
    const fresh: object[] = [];
    const main: Item[] = [];
    const error: Item[] = [];

    const items = ctx.items;
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      const src = item.json;
      const out = isReplace ? {} : copyFields(src, skip);
      if (fresh.length !== 0) fresh.length = 0;
      let i = 0;
      try {
        for (let r = 0; r < nestedRemoves.length; r++) deletePath(out, nestedRemoves[r], fresh);
        for (; i < plans.length; i++) {
          const plan = plans[i];
          let v = values[i](item, index);
          if (plan.steps !== null) v = runSteps(plan.steps, transforms[i]!(item, index), v);
          if (plan.check !== null) v = checkValue(plan.check, v);
          if (v === undefined) v = null;
          if (plan.path === null) out[plan.name] = v;
          else setPath(out, plan.path, v, fresh);
        }
      } catch (e) {
        error.push(ctx.newItem(withError(src, plans[i]?.name ?? 'fields', rejectionOf(e)), item));
        continue;
      }
      main.push(ctx.newItem(out, item));
    }
    return { main, error };
  },
});

export default setNode;
