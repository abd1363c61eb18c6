import { copyFields, defineNode, deletePath, JunctionError, p, patternProblem, setPath, type Infer, type Item, type Problem } from '../../../engine/sdk';
import { pathProblem, splitPath } from './assign-path';
import { compileSteps, runSteps, transformProblems, transformSchema, type Step } from './transforms';
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

/** The field name an error path like `params.fields[2].value` points at. */
function fieldOf(path: string | undefined, plans: Plan[]): string {
  const m = /^params\.fields\[(\d+)\]/.exec(path ?? '');
  return m ? plans[Number(m[1])]?.name ?? 'fields' : 'fields';
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
  params,
  check: (v) => configProblems(v, true),
  execute(ctx) {
    if (ctx.items.length === 0) return { main: [], error: [] };
    // Names, patterns and transform kinds are literal, so the first item's params describe every item.
    const first = ctx.params;
    const problem = configProblems(first, false)[0];
    if (problem) ctx.fail(problem.message, { code: problem.code, path: problem.path });
    const isDotted = first.dotNotation;
    const plans: Plan[] = first.fields.map((f) => ({
      name: f.name, path: splitPath(f.name, isDotted), steps: compileSteps(f.transforms), check: compileCheck(f.validation),
    }));
    const removes = first.mode === 'merge' ? first.remove : [];
    const flatRemoves = removes.filter((r) => splitPath(r, isDotted) === null);
    const skip = flatRemoves.length ? new Set(flatRemoves) : null;
    const nestedRemoves = removes.map((r) => splitPath(r, isDotted)).filter((r): r is string[] => r !== null);
    const isReplace = first.mode === 'replace';
    const fresh: object[] = [];
    const main: Item[] = [];
    const error: Item[] = [];

    const items = ctx.items;
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      const src = item.json;
      // A field whose expression fails on this item sends the item to "error", like a failed check.
      let resolved: Params;
      try { resolved = ctx.paramsFor(item, index); } catch (e) {
        if (!(e instanceof JunctionError) || !e.code.startsWith('expr.')) throw e;
        error.push(ctx.newItem(withError(src, fieldOf(e.path, plans), new Rejection('expression', e.message.replace(/^item \d+: /, ''))), item));
        continue;
      }
      const out = isReplace ? {} : copyFields(src, skip);
      const values = resolved.fields;
      if (fresh.length !== 0) fresh.length = 0;
      let i = 0;
      try {
        for (let r = 0; r < nestedRemoves.length; r++) deletePath(out, nestedRemoves[r], fresh);
        for (; i < plans.length; i++) {
          const plan = plans[i];
          const given = values[i];
          let v = given.value;
          if (plan.steps !== null) v = runSteps(plan.steps, given.transforms, v);
          if (plan.check !== null) v = checkValue(plan.check, v);
          if (v === undefined) v = null;
          if (plan.path === null) out[plan.name] = v;
          else setPath(out, plan.path, v, fresh);
        }
      } catch (e) {
        if (!(e instanceof Rejection)) throw e;
        error.push(ctx.newItem(withError(src, plans[i].name, e), item));
        continue;
      }
      main.push(ctx.newItem(out, item));
    }
    return { main, error };
  },
});

export default setNode;
