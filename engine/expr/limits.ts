import { JunctionError } from '../sdk/errors';

// Bounds on one evaluation. Expressions have no loops of their own, so only callbacks, element
// visits and bulk string work cost steps; a runaway expression ends its node, never the app.
export const MAX_STEPS = 1_000_000;
/** Longest string an expression may produce (UTF-16 code units). */
export const MAX_STRING = 10 * 1024 * 1024;
/** Most elements (or object keys) an expression may create in one array or object. */
export const MAX_ELEMENTS = 1_000_000;
/** Deepest AST nesting accepted at compile time. */
export const MAX_NESTING = 200;
/** Deepest data nesting walked when converting or checking values. */
export const MAX_DATA_DEPTH = 1_000;
/** Produced text costs one step per this many characters, which bounds memory per evaluation. */
const CHARS_PER_STEP = 64;

/** Steps left in the evaluation under way; one module-level counter keeps accounting cheap. */
export const meter = { left: MAX_STEPS };

/** An expression error with its character offset in the template source and a hint. */
export class ExprError extends JunctionError {
  readonly position: number;
  readonly hint?: string;
  /** The message without position and hint, for editors that show those separately. */
  readonly detail: string;
  constructor(code: string, message: string, position: number, hint?: string) {
    super(code, hint ? `${message} (at position ${position}). ${hint}` : `${message} (at position ${position})`);
    this.position = position;
    this.hint = hint;
    this.detail = message;
  }
}

export const fail = (code: string, message: string, pos: number, hint?: string): never => {
  throw new ExprError(code, message, pos, hint);
};

export const runtimeError = (message: string, pos: number): never => fail('expr.runtime', message, pos);

export function charge(steps: number): void {
  if ((meter.left -= steps) < 0) budgetExceeded();
}

export function budgetExceeded(): never {
  meter.left = 0;
  throw new JunctionError('expr.budget', `Expression stopped after ${MAX_STEPS.toLocaleString('en-US')} steps (infinite loop or too much work?)`);
}

/** Checks and pays for a string about to be produced. */
export function chargeText(length: number): void {
  if (length > MAX_STRING) tooLong(length);
  if ((meter.left -= (length / CHARS_PER_STEP) | 0) < 0) budgetExceeded();
}

export function tooLong(length: number): never {
  throw new JunctionError('expr.size', `Expression would produce text of ${length.toLocaleString('en-US')} characters; the limit is ${MAX_STRING.toLocaleString('en-US')}`);
}

/** Checks and pays for an array or object of `count` elements about to be produced. */
export function chargeElements(count: number): void {
  if (count > MAX_ELEMENTS) tooMany(count);
  charge(count);
}

/** Checks and pays for `extra` elements appended to `list`. */
export function growBy(list: readonly unknown[], extra: number): void {
  if (list.length + extra > MAX_ELEMENTS) tooMany(list.length + extra);
  charge(extra);
}

export function tooMany(count: number): never {
  throw new JunctionError('expr.size', `Expression would produce ${count.toLocaleString('en-US')} elements; the limit is ${MAX_ELEMENTS.toLocaleString('en-US')}`);
}

export function tooDeep(): never {
  throw new JunctionError('expr.size', `Data is nested deeper than ${MAX_DATA_DEPTH} levels`);
}
