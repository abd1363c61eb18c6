/**
 * Places validation problems next to the control that shows them. Each problem names its
 * node (`nodeId`) and its param path (`field`, like `fields[0].value`); the form names fields
 * by dotted paths (`fields.0.value`). A problem inside a free-form value (a header of a
 * key-value field, a key inside JSON) lands on the deepest field the form renders on its path.
 */
import { isExpression, type FieldSpec, type Problem } from '../../engine/sdk/schema';
import { asObject, joinPath, variantTag } from './form-model';

/** `[0]` and `["a"]` segments of a path inside one node become dotted ones. */
export const dotted = (path: string): string =>
  path.replace(/\[(\d+)\]/g, '.$1').replace(/\[["']([^"']*)["']\]/g, '.$1').replace(/^\./, '');

/** The form path that renders `path` (dotted, params-relative). */
export function fieldPathFor(root: FieldSpec, params: unknown, path: string): string {
  if (path === '') return '';
  let spec = root;
  let value: unknown = params;
  let at = '';
  for (const seg of path.split('.')) {
    if (typeof value === 'string' && isExpression(value)) break; // an expression replaces the structure below it
    let next: FieldSpec | undefined;
    if (spec.kind === 'object') next = spec.fields?.[seg];
    else if (spec.kind === 'variant') next = seg === spec.discriminator ? undefined : spec.cases?.[variantTag(spec, value)]?.[seg];
    else if (spec.kind === 'list' && /^\d+$/.test(seg)) next = spec.of;
    if (!next) break;
    spec = next;
    value = Array.isArray(value) ? value[Number(seg)] : asObject(value)[seg];
    at = joinPath(at, seg);
  }
  return at;
}

export interface PlacedProblems {
  /** Problems by form path; '' holds those about params as a whole. */
  byField: Map<string, Problem[]>;
  /** Problems of this node outside its params: name, type, version, settings. */
  other: Problem[];
}

export function placeProblems(problems: readonly Problem[], nodeId: string, spec: FieldSpec | undefined, params: unknown): PlacedProblems {
  const byField = new Map<string, Problem[]>();
  const other: Problem[] = [];
  for (const p of problems) {
    if (p.nodeId !== nodeId) continue;
    if (p.field === undefined || !spec) { other.push(p); continue; }
    const rel = dotted(p.field);
    const at = fieldPathFor(spec, params, rel);
    // A problem deeper than the field that shows it names the part it is about: "X-Id: must be text".
    const rest = rel.slice(at === '' ? 0 : at.length + 1);
    byField.set(at, [...(byField.get(at) ?? []), rest ? { ...p, message: `${rest}: ${p.message}` } : p]);
  }
  return { byField, other };
}
