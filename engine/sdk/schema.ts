/**
 * The params schema of a node type. One declaration yields the TypeScript type of
 * `ctx.params`, validation with JSON paths, the inspector's form description and the
 * catalog entry. Fields are immutable: every modifier returns a new field.
 */

export type FieldKind =
  | 'string' | 'number' | 'boolean' | 'select' | 'list' | 'object' | 'variant'
  | 'keyValue' | 'json' | 'value' | 'fieldPath' | 'code';

/** What the editor and the catalog read about one field. Plain data: crosses any transport. */
export interface FieldSpec {
  kind: FieldKind;
  label?: string;
  description?: string;
  placeholder?: string;
  required?: boolean;
  default?: unknown;
  /** Show this field only when sibling fields hold one of the listed values. */
  showWhen?: Record<string, unknown[]>;
  /** The field never takes `{{ }}` expressions. */
  literal?: boolean;
  multiline?: boolean;
  language?: 'javascript';
  int?: boolean;
  min?: number;
  max?: number;
  options?: readonly string[];
  /** Select: the words a person reads for each option (`gt` → "is greater than"); the value stays the option. */
  optionLabels?: Readonly<Record<string, string>>;
  of?: FieldSpec;
  fields?: Record<string, FieldSpec>;
  discriminator?: string;
  cases?: Record<string, Record<string, FieldSpec>>;
  /** An object that also keeps keys it does not declare (someone else judges those). */
  open?: boolean;
}

export interface Problem {
  /** JSON path in the flow file (`$.nodes[3].params.url`), for terminals and files. */
  path: string;
  message: string;
  code: string;
  /** The node the problem belongs to, so no one parses `$.nodes[3]` to find it. */
  nodeId?: string;
  /** The edge the problem belongs to. */
  edgeId?: string;
  /** Where inside the node (`name`, `settings.retry.attempts`, `params.url`); '' for the node as a whole. */
  nodePath?: string;
  /** The param path inside the node's params (`fields[0].value`; '' for params as a whole). */
  field?: string;
  /** For a problem inside an expression: the character offset in the field's text where it is. */
  position?: number;
}

export const isExpression = (v: unknown): v is string => typeof v === 'string' && v.includes('{{');

// T is the value type a node reads; `undefined` stays in it until required()/default().
// H marks a field shown only under a condition (showWhen): hidden, a required field may be
// absent, so required() keeps `undefined` in its type. D marks a default: defaults are filled
// whether a field shows or not, so a field with one is never undefined.
export class Field<T, H extends boolean = false, D extends boolean = false> {
  declare readonly _type: T;
  declare readonly _flags: [H, D];
  constructor(readonly spec: FieldSpec) {}

  protected with<U = T, H2 extends boolean = H, D2 extends boolean = D>(patch: Partial<FieldSpec>): Field<U, H2, D2> {
    const Ctor = this.constructor as new (spec: FieldSpec) => Field<U, H2, D2>;
    return new Ctor({ ...this.spec, ...patch });
  }
  required(): Field<H extends true ? T : Exclude<T, undefined>, H, D> { return this.with({ required: true }); }
  /** A default must pass the field's own rules; `defineNode` checks it. */
  default(value: Exclude<T, undefined>): Field<Exclude<T, undefined>, H, true> { return this.with({ default: value }); }
  describe(description: string): Field<T, H, D> { return this.with({ description }); }
  label(label: string): Field<T, H, D> { return this.with({ label }); }
  placeholder(placeholder: string): Field<T, H, D> { return this.with({ placeholder }); }
  literal(): Field<T, H, D> { return this.with({ literal: true }); }
  /**
   * Shows the field only while sibling fields (defaults included) hold one of the listed
   * values. `defineNode` fails on a sibling name that does not exist or a value it cannot hold.
   */
  showWhen(rule: Record<string, unknown[]>): Field<D extends true ? T : T | undefined, true, D> { return this.with({ showWhen: rule }); }
  multiline(): Field<T, H, D> { return this.with({ multiline: true }); }
  int(): Field<T, H, D> { return this.with({ int: true }); }
  min(min: number): Field<T, H, D> { return this.with({ min }); }
  /** Numbers: the largest value; lists: the most entries; text: the most characters. */
  max(max: number): Field<T, H, D> { return this.with({ max }); }
  /** Objects: keep undeclared keys instead of reporting them. */
  open(): Field<T, H, D> { return this.with({ open: true }); }
}

export type Infer<F> = F extends Field<infer T, boolean, boolean> ? T : never;
export type Shape = Record<string, Field<unknown, boolean, boolean>>;
export type InferShape<S extends Shape> = { [K in keyof S]: Infer<S[K]> };
type VariantCases = Record<string, Shape>;
type InferVariant<D extends string, C extends VariantCases> = {
  [K in keyof C]: { [P in D]: K } & InferShape<C[K]>;
}[keyof C];

export class ObjectField<S extends Shape> extends Field<InferShape<S> | undefined> {
  constructor(spec: FieldSpec, readonly shape: S) { super(spec); }
  protected override with<U, H2 extends boolean, D2 extends boolean>(patch: Partial<FieldSpec>): Field<U, H2, D2> {
    return new ObjectField({ ...this.spec, ...patch }, this.shape) as unknown as Field<U, H2, D2>;
  }
}

const specsOf = (shape: Shape): Record<string, FieldSpec> =>
  Object.fromEntries(Object.entries(shape).map(([k, f]) => [k, f.spec]));

/** The schema builder node authors use: `p.object({ url: p.string().required() })`. */
export const p = {
  string: () => new Field<string | undefined>({ kind: 'string' }),
  number: () => new Field<number | undefined>({ kind: 'number' }),
  boolean: () => new Field<boolean | undefined>({ kind: 'boolean' }),
  /** A dotted path into the item's JSON (`customer.email`); the editor autocompletes it. */
  fieldPath: () => new Field<string | undefined>({ kind: 'fieldPath' }),
  /** Any JSON value; a sole `{{ }}` keeps the expression result's type. */
  value: () => new Field<unknown>({ kind: 'value' }),
  json: () => new Field<unknown>({ kind: 'json' }),
  code: (language: 'javascript' = 'javascript') => new Field<string | undefined>({ kind: 'code', language, literal: true }),
  keyValue: () => new Field<Record<string, string> | undefined>({ kind: 'keyValue' }),
  /** One of `options`; `labels` gives the words the editor shows for some or all of them. */
  select: <const O extends readonly string[]>(options: O, labels?: Partial<Record<O[number], string>>) =>
    new Field<O[number] | undefined>({ kind: 'select', options, ...(labels ? { optionLabels: labels as Record<string, string> } : {}) }),
  list: <T>(of: Field<T, boolean, boolean>) => new Field<Exclude<T, undefined>[] | undefined>({ kind: 'list', of: of.spec }),
  object: <S extends Shape>(shape: S) => new ObjectField<S>({ kind: 'object', fields: specsOf(shape) }, shape),
  variant: <const D extends string, C extends VariantCases>(discriminator: D, cases: C) =>
    new Field<InferVariant<D, C> | undefined>({
      kind: 'variant',
      discriminator,
      cases: Object.fromEntries(Object.entries(cases).map(([k, shape]) => [k, specsOf(shape)])),
    }),
};
