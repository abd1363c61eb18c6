// Trusted objects and functions the executor builds ($input, $('Node'), …). Marks live in
// module-private WeakSets so nothing in flow data can forge them.
const hostObjects = new WeakSet<object>();
const hostFunctions = new WeakSet<Function>();

/**
 * Marks an object the executor built as trusted: expressions read its own members, including
 * getters, and may call its own function members (`$input.all()`), with the object as `this`.
 * Build it as an object literal: methods on a class prototype are not own members. Values it
 * hands out (`$input.item`) are treated as data unless they are host objects too.
 */
export function hostObject<T extends object>(members: T): T {
  hostObjects.add(members);
  return members;
}

/** Marks a function the executor built as callable from expressions (`$('Node name')`). */
export function hostFunction<F extends (...args: any[]) => unknown>(fn: F): F {
  hostFunctions.add(fn);
  return fn;
}

export const isHostObject = (v: object): boolean => hostObjects.has(v);
export const isHostFunction = (v: unknown): v is (...args: unknown[]) => unknown =>
  typeof v === 'function' && hostFunctions.has(v);
