import type { Handlers, WireError } from '../api';
import { isJunctionError } from '../sdk/errors';
import type { Reply } from './pending-requests';
import { isMethod, validateInput } from './validate-input';

export type { Reply };

/**
 * The one entry of every transport: rejects unknown methods, checks the input's shape, runs
 * the handler, and turns any failure into a WireError. Never throws.
 */
export async function dispatch(handlers: Handlers, method: unknown, input: unknown): Promise<Reply> {
  if (!isMethod(method)) {
    const name = typeof method === 'string' ? `"${method.slice(0, 100)}"` : 'a request without a method name';
    return { ok: false, error: { code: 'api.unknown-method', message: `The engine has no method ${name}` } };
  }
  try {
    const valid = validateInput(method, input);
    const output = await (handlers[method] as (input: unknown) => Promise<unknown>)(valid);
    return { ok: true, output };
  } catch (e) {
    return { ok: false, error: toWireError(e, method) };
  }
}

/** A JunctionError crosses as it is; anything else is a bug: logged here in full, sent as a plain sentence. */
export function toWireError(e: unknown, method = 'a request'): WireError {
  if (isJunctionError(e)) {
    return { code: e.code, message: e.message, ...(e.path ? { path: e.path } : {}), ...(e.node ? { node: e.node } : {}) };
  }
  process.stderr.write(`junction: internal error in ${method}: ${(e as Error)?.stack ?? String(e)}\n`);
  return { code: 'internal', message: 'Something went wrong inside the engine; the details are in its log.' };
}
