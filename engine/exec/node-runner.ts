import { JunctionError, toErrorInfo, type ErrorInfo } from '../sdk/errors';
import type { Item, NodeType, Outputs } from '../sdk/types';
import type { FlowNode } from '../flow/types';
import { createNodeContext } from './context';
import { createNodeSession, runWhole } from './node-session';
import type { NodeRunStatus } from './events';
import { backoffMs, shouldRetry } from './retry';
import type { RunContext } from './run-context';

export interface NodeOutcome {
  status: NodeRunStatus;
  outputs: Outputs;
  error?: ErrorInfo;
  /** The run must stop (onError = stop). */
  isFatal: boolean;
  /** Items sent through an unconnected error port. */
  failedItems?: number;
}

/** Races a node's work against its timeout; the node's own signal is aborted either way once it ends. */
async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, parent: AbortSignal, timeoutMs: number | undefined, nodeName: string): Promise<T> {
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
function errorItems(inputs: Item[], error: ErrorInfo, keepJson: boolean): Item[] {
  const info = { message: error.message, code: error.code, ...(error.path ? { path: error.path } : {}) };
  if (!inputs.length) return [{ json: { error: info } }];
  return inputs.map((item) => ({ json: keepJson ? { ...item.json, error: info } : { error: info }, paired: [item] }));
}

/**
 * Items on an unconnected error port are failed items. With onError = stop they fail the node
 * and the run, naming the first item; otherwise the node succeeds and reports how many failed.
 * Decided after the node ran over every item, so the outcome never depends on item order.
 */
function failedItemsOutcome(o: NodeOutcome, failed: Item[], input: Item[], onError: string | undefined, nodeName: string): NodeOutcome {
  if (onError === 'continue' || onError === 'errorPort') return { ...o, failedItems: failed.length };
  const first = failed[0];
  const index = first.paired ? input.indexOf(first.paired[0]) : -1;
  const reason = (first.json as { error?: { message?: unknown; code?: unknown } }).error;
  const message = typeof reason?.message === 'string' ? reason.message : 'the node sent it to its error port';
  const more = failed.length > 1 ? ` (and ${failed.length - 1} more item${failed.length > 2 ? 's' : ''})` : '';
  const error: ErrorInfo = {
    code: typeof reason?.code === 'string' ? reason.code : 'node.item-failed',
    message: `${index >= 0 ? `item ${index}` : 'an item'} failed: ${message}${more}. Connect the "error" output, or set On error to continue, to let the run go on.`,
    node: nodeName,
  };
  return { status: 'failed', outputs: {}, error, isFatal: true };
}

/** Runs one node once its inputs are settled: disabled, pinned, retries, timeout and onError included. */
export async function runNode(rc: RunContext, node: FlowNode, type: NodeType, inputs: Record<string, Item[]>, iteration: number): Promise<NodeOutcome> {
  const t0 = performance.now();
  const mainPort = type.inputs[0] ?? 'main';
  const settings = node.settings ?? {};
  let attempts = 0;
  const finish = (o: NodeOutcome): NodeOutcome => {
    const failed = rc.isWired(node.id, 'error') ? undefined : o.outputs.error;
    if (failed?.length && !o.isFatal) o = failedItemsOutcome(o, failed, inputs[mainPort] ?? [], settings.onError, node.name);
    rc.finished(node, { status: o.status, t0, attempts, iteration, inputs, outputs: o.outputs, error: o.error, failedItems: o.failedItems });
    return o;
  };
  rc.emit({ type: 'node.started', runId: rc.runId, nodeId: node.id, nodeName: node.name, at: rc.iso() });
  const firstOut = type.outputsFor(node.params)[0] ?? 'main';
  if (settings.disabled) return finish({ status: 'disabled', outputs: { [firstOut]: inputs[mainPort] ?? [] }, isFatal: false });
  const pinned = rc.pinnedFor(node.id);
  if (pinned) return finish({ status: 'pinned', outputs: { [firstOut]: pinned.map((json) => ({ json })) }, isFatal: false });

  for (;;) {
    attempts++;
    try {
      const outputs = await withTimeout(async (signal) => {
        const session = createNodeSession();
        const ctx = createNodeContext({
          node: { id: node.id, name: node.name, type: node.type, version: node.version },
          paramSpec: type.paramSpec, params: node.params, inputs, mainPort,
          scope: rc.scopeSources(node), run: { id: rc.runId, mode: rc.mode }, flow: rc.flowInfo,
          log: rc.logger(node.id), signal, clock: rc.clock, state: rc.state.forNode(node.id), code: rc.code,
          journal: (entry) => rc.journal(node.id, entry),
          credential: (slot) => rc.credential(node, slot),
          session, binary: rc.binary,
        });
        let out: Outputs;
        try {
          out = await runWhole(type, ctx as never);
        } catch (e) {
          await session.end(signal.aborted ? 'cancelled' : 'failed').catch(() => {}); // the node's own error says more
          throw e;
        }
        await session.end('success');
        return out;
      }, rc.signal, settings.timeoutMs, node.name);
      return finish({ status: 'success', outputs: outputs ?? {}, isFatal: false });
    } catch (e) {
      if (rc.signal.aborted) return finish({ status: 'cancelled', outputs: {}, error: toErrorInfo(rc.cancelReason()), isFatal: true });
      const error = { ...toErrorInfo(e), node: node.name };
      const willRetry = shouldRetry(e, settings.retry, attempts);
      rc.emit({ type: 'node.error', runId: rc.runId, nodeId: node.id, error, attempt: attempts, willRetry, at: rc.iso() });
      if (willRetry) {
        try { await rc.clock.sleep(backoffMs(settings.retry!, attempts, rc.clock.random), rc.signal); } catch {
          return finish({ status: 'cancelled', outputs: {}, error: toErrorInfo(rc.cancelReason()), isFatal: true });
        }
        continue;
      }
      const input = inputs[mainPort] ?? [];
      if (settings.onError === 'continue') return finish({ status: 'failed', outputs: { [firstOut]: errorItems(input, error, false) }, error, isFatal: false });
      if (settings.onError === 'errorPort') return finish({ status: 'failed', outputs: { error: errorItems(input, error, true) }, error, isFatal: false });
      return finish({ status: 'failed', outputs: {}, error, isFatal: true });
    }
  }
}
