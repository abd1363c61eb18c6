// What wraps every node call, streamed or not: its timeout, and what a failure sends on.
import { JunctionError, type ErrorInfo } from '../sdk/errors';
import type { Item } from '../sdk/types';
import type { NodeOutcome } from './node-runner';

/** Races a node's work against its timeout; the node's own signal is aborted either way once it ends. */
export async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, parent: AbortSignal, timeoutMs: number | undefined, nodeName: string): Promise<T> {
  const ctl = new AbortController();
  const onParent = () => ctl.abort(parent.reason);
  parent.addEventListener('abort', onParent, { once: true });
  let timer: NodeJS.Timeout | undefined;
  try {
    if (!timeoutMs) return await work(ctl.signal);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const err = new JunctionError('node.timeout', `"${nodeName}" took longer than ${timeoutMs.toLocaleString('en-US')} ms and was stopped`, { node: nodeName, retryable: true });
        reject(err); // first, so the race reports the timeout rather than the node's reaction to the abort
        ctl.abort(err);
      }, timeoutMs);
    });
    return await Promise.race([work(ctl.signal), timeout]);
  } finally {
    clearTimeout(timer);
    parent.removeEventListener('abort', onParent);
    if (!ctl.signal.aborted) ctl.abort();
  }
}

/**
 * The items a failed node sends on, for onError = continue / errorPort. Spread, not
 * Object.assign: an own `__proto__` key in the item's data must stay data, not become its prototype.
 */
export function errorItems(inputs: Item[], error: ErrorInfo, keepJson: boolean): Item[] {
  const info = { message: error.message, code: error.code, ...(error.path ? { path: error.path } : {}) };
  if (!inputs.length) return [{ json: { error: info } }];
  return inputs.map((item) => ({ json: keepJson ? { ...item.json, error: info } : { error: info }, paired: [item] }));
}

/**
 * Items on an unconnected error port are failed items. With onError = stop they fail the node
 * and the run, naming the first item; otherwise the node succeeds and reports how many failed.
 * Decided after the node ran over every item, so the outcome never depends on item order.
 */
export function failedItemsOutcome(o: NodeOutcome, failed: Item[], input: Item[], onError: string | undefined, nodeName: string, indexBase = 0): NodeOutcome {
  if (onError === 'continue' || onError === 'errorPort') return { ...o, failedItems: failed.length };
  const first = failed[0];
  const index = first.paired ? input.indexOf(first.paired[0]) : -1;
  const reason = (first.json as { error?: { message?: unknown; code?: unknown } }).error;
  const message = typeof reason?.message === 'string' ? reason.message : 'the node sent it to its error port';
  const more = failed.length > 1 ? ` (and ${failed.length - 1} more item${failed.length > 2 ? 's' : ''})` : '';
  const error: ErrorInfo = {
    code: typeof reason?.code === 'string' ? reason.code : 'node.item-failed',
    message: `${index >= 0 ? `item ${indexBase + index}` : 'an item'} failed: ${message}${more}. Connect the "error" output, or set On error to continue, to let the run go on.`,
    node: nodeName,
  };
  return { status: 'failed', outputs: {}, error, isFatal: true };
}
