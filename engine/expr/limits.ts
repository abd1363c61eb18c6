import { JunctionError } from '../sdk/errors';

// Bounds on expression work. Expressions have no loops of their own, so only callbacks, element
// visits and bulk string work cost steps, each in proportion to the size it touches; the clock
// is read every few thousand steps. A runaway expression ends its node, never the app.

/** Steps one evaluation may spend. */
export const MAX_STEPS = 1_000_000;
/** Wall-clock time one evaluation may take, checked every `CHECK_EVERY` steps. */
export const MAX_EVAL_MS = 5_000;
/** Steps all evaluations of one node run may spend together: a base plus an allowance per input item. */
export const NODE_STEPS_BASE = 10_000_000;
export const NODE_STEPS_PER_ITEM = 1_000;
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
/** Text a native only reads (compares, searches) costs one step per this many characters. */
const READ_CHARS_PER_STEP = 256;
/** The clock is read after the first `FIRST_CHECK` steps, then every `CHECK_EVERY`. */
const FIRST_CHECK = 1_000;
const CHECK_EVERY = 10_000;

/** What the evaluations of one node run may still spend; the executor makes one per node run. */
export interface StepBudget { left: number; readonly total: number }

export const nodeBudget = (items: number): StepBudget => {
  const total = NODE_STEPS_BASE + NODE_STEPS_PER_ITEM * Math.max(0, items);
  return { left: total, total };
};

/** For evaluations outside a node run (tests, previews without a scope budget): per evaluation only. */
export const UNMETERED: StepBudget = { left: Infinity, total: Infinity };

/**
 * The evaluation under way, in one module-level object so `charge` stays a decrement and a
 * compare. `left` counts down to the next checkpoint; `reserve` holds the evaluation's steps
 * beyond it; `granted` is what the evaluation started with; `started` is the clock at its first
 * checkpoint (0 before).
 */
export const meter = { left: MAX_STEPS, reserve: 0, granted: MAX_STEPS, started: 0, budget: UNMETERED, depth: 0 };

type Saved = Omit<typeof meter, 'depth'>;

/** The meter of an evaluation under way, when a host function starts another inside it (rare). */
export const saveMeter = (): Saved | undefined =>
  (meter.depth === 0 ? undefined : { left: meter.left, reserve: meter.reserve, granted: meter.granted, started: meter.started, budget: meter.budget });

export function restoreMeter(s: Saved): void {
  meter.left = s.left; meter.reserve = s.reserve; meter.granted = s.granted; meter.started = s.started; meter.budget = s.budget;
}

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

const num = (n: number) => n.toLocaleString('en-US');

/** Starts an evaluation against the node run's budget; inside another, the caller saved `meter` first. */
export function beginEvaluation(budget: StepBudget): void {
  if (budget.left <= 0) nodeBudgetExceeded(budget);
  meter.depth++;
  const total = budget.left < MAX_STEPS ? budget.left : MAX_STEPS;
  meter.budget = budget;
  meter.granted = total;
  meter.left = total < FIRST_CHECK ? total : FIRST_CHECK;
  meter.reserve = total - meter.left;
  meter.started = 0;
}

/** Ends an evaluation: what it spent comes off the node run's budget. */
export function endEvaluation(): void {
  meter.budget.left -= meter.granted - meter.left - meter.reserve;
  meter.depth--;
}

export function charge(steps: number): void {
  if ((meter.left -= steps) < 0) checkpoint();
}

/** Every few thousand steps: the evaluation's and the node run's budget, then the clock. */
function checkpoint(): void {
  const left = meter.left + meter.reserve;
  if (left < 0) {
    meter.left = 0;
    meter.reserve = 0;
    if (meter.granted < MAX_STEPS) nodeBudgetExceeded(meter.budget);
    throw new JunctionError('expr.budget', `Expression stopped after ${num(MAX_STEPS)} steps (infinite loop or too much work?)`);
  }
  const now = performance.now();
  if (meter.started === 0) meter.started = now;
  else if (now - meter.started > MAX_EVAL_MS) {
    meter.left = 0;
    meter.reserve = 0;
    throw new JunctionError('expr.timeout', `Expression took longer than ${num(MAX_EVAL_MS)} ms (infinite loop or too much work?)`);
  }
  meter.left = left < CHECK_EVERY ? left : CHECK_EVERY;
  meter.reserve = left - meter.left;
}

function nodeBudgetExceeded(budget: StepBudget): never {
  budget.left = 0;
  throw new JunctionError('expr.budget', `Expressions of this node stopped after ${num(budget.total)} steps in this run (the limit per node run; too much work per item?)`);
}

/** Checks and pays for a string about to be produced. */
export function chargeText(length: number): void {
  if (length > MAX_STRING) tooLong(length);
  charge((length / CHARS_PER_STEP) | 0);
}

/** The size check before a string of `length` is built (paid for after, by `produced`). */
export function fits(length: number): void {
  if (length > MAX_STRING) tooLong(length);
}

/** Pays for text a native reads without producing any (compares, searches, parsing). */
export function chargeRead(length: number): void {
  if (length >= READ_CHARS_PER_STEP) charge((length / READ_CHARS_PER_STEP) | 0);
}

/** The size check after a native produced `s`: over the cap is an error, and its size is paid for. */
export function produced(s: string): string {
  if (s.length > 4096) chargeText(s.length);
  return s;
}

export function tooLong(length: number): never {
  throw new JunctionError('expr.size', `Expression would produce text of ${num(length)} characters; the limit is ${num(MAX_STRING)}`);
}

/**
 * A host function handing out a shared list (`$input.all()`) pays by its size: one step per 64
 * items, since walking it is paid per element anyway.
 */
export function chargeShared(count: number): void {
  if (count >= 64) charge(count >>> 6);
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
  throw new JunctionError('expr.size', `Expression would produce ${num(count)} elements; the limit is ${num(MAX_ELEMENTS)}`);
}

export function tooDeep(): never {
  throw new JunctionError('expr.size', `Data is nested deeper than ${MAX_DATA_DEPTH} levels`);
}
