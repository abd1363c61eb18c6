import type { DateTime } from 'luxon';
import { charge, type StepBudget } from './limits';

/**
 * What an expression can see. The executor builds one per node and mutates it per item, so
 * compiled expressions read fixed properties of one stable object.
 */
export interface ExprScope {
  $json: unknown;
  $binary: unknown;
  $index: number;
  /** Host object (see `hostObject`): all(), first(), last(), item. */
  $input: unknown;
  /** Host function (see `hostFunction`): `$('Node name')` returns a host object with item, all(), first(), last(). */
  $: unknown;
  $vars: Record<string, unknown>;
  $env: Record<string, string>;
  $now: DateTime;
  $today: DateTime;
  $run: { id: string; mode: string };
  $flow: { id: string; name: string };
  $node: { id: string; name: string; type: string };
  $state: Record<string, unknown>;
  /** Steps the evaluations of this node run may still spend (not visible to expressions). */
  budget?: StepBudget;
}

/** The names of `ExprScope`, resolved to direct property reads at compile time. */
export const SCOPE_NAMES: ReadonlySet<string> = new Set([
  '$json', '$binary', '$index', '$input', '$', '$vars', '$env', '$now', '$today', '$run', '$flow', '$node', '$state',
]);

/**
 * A compiled expression node. `e` holds arrow-function parameters by slot: arrows never escape
 * the method call they are passed to and never recurse, so one frame per evaluation suffices.
 */
export type Fn = (s: ExprScope, e: unknown[]) => unknown;

/** An arrow function passed to a listed method; only methods of this module ever call it. */
export class Callback {
  // #private fields: a Callback that ends up where data is expected shows no members at all.
  readonly #body: Fn;
  readonly #slots: readonly number[];
  readonly #s: ExprScope;
  readonly #e: unknown[];

  constructor(body: Fn, slots: readonly number[], s: ExprScope, e: unknown[]) {
    this.#body = body;
    this.#slots = slots;
    this.#s = s;
    this.#e = e;
  }

  call(a?: unknown, b?: unknown, c?: unknown, d?: unknown): unknown {
    charge(1);
    const slots = this.#slots;
    const e = this.#e;
    const n = slots.length;
    if (n > 0) e[slots[0]] = a;
    if (n > 1) e[slots[1]] = b;
    if (n > 2) e[slots[2]] = c;
    if (n > 3) e[slots[3]] = d;
    return this.#body(this.#s, e);
  }
}

/** Returned inside an optional chain (`a?.b.c`) when it short-circuits; never leaves the chain. */
export const SHORT: unique symbol = Symbol('short-circuit');

/** A listed method on a typed receiver. `args` is never kept or mutated. */
export type Method = (recv: any, args: readonly unknown[], pos: number) => unknown;

/** A function of a global namespace (`Math.max`, `DateTime.fromISO`); gets the scope for `DateTime.now()`. */
export type GlobalFn = (args: readonly unknown[], pos: number, s: ExprScope) => unknown;
