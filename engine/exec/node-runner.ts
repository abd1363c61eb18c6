import { JunctionError, toErrorInfo, type ErrorInfo } from '../sdk/errors';
import type { Item, NodeType, Outputs } from '../sdk/types';
import type { FlowNode } from '../flow/types';
import { createNodeContext } from './context';
import type { NodeRunStatus } from './events';
import { backoffMs, shouldRetry } from './retry';
import type { RunContext } from './run-context';

export interface NodeOutcome {
  status: NodeRunStatus;
  outputs: Outputs;
  error?: ErrorInfo;
  /** The run must stop (onError = stop). */
  isFatal: boolean;
}

const counts = (ports: Record<string, Item[]>) => {
  const out: Record<string, number> = {};
  for (const k of Object.keys(ports)) out[k] = ports[k].length;
  return out;
};

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

/** Runs one node once its inputs are settled: disabled, pinned, retries, timeout and onError included. */
export async function runNode(rc: RunContext, node: FlowNode, type: NodeType, inputs: Record<string, Item[]>, iteration: number): Promise<NodeOutcome> {
  const started = rc.clock.now();
  const t0 = performance.now();
  const mainPort = type.inputs[0] ?? 'main';
  const settings = node.settings ?? {};
  let attempts = 0;
  const finish = (o: NodeOutcome): NodeOutcome => {
    rc.emit({
      type: 'node.finished', runId: rc.runId, nodeId: node.id, nodeName: node.name, nodeType: node.type,
      status: o.status, at: rc.iso(), durationMs: Math.round((performance.now() - t0) * 1000) / 1000, attempts, iteration,
      itemsIn: counts(inputs), itemsOut: counts(o.outputs), ...(o.error ? { error: o.error } : {}),
      data: { input: inputs, output: o.outputs },
    });
    return o;
  };
  rc.emit({ type: 'node.started', runId: rc.runId, nodeId: node.id, nodeName: node.name, at: new Date(started).toISOString() });

  const firstOut = type.outputsFor(node.params)[0] ?? 'main';
  if (settings.disabled) return finish({ status: 'disabled', outputs: { [firstOut]: inputs[mainPort] ?? [] }, isFatal: false });
  const pinned = rc.pinnedFor(node.id);
  if (pinned) return finish({ status: 'pinned', outputs: { [firstOut]: pinned.map((json) => ({ json })) }, isFatal: false });

  for (;;) {
    attempts++;
    try {
      const outputs = await withTimeout((signal) => {
        const ctx = createNodeContext({
          node: { id: node.id, name: node.name, type: node.type, version: node.version },
          paramSpec: type.paramSpec, params: node.params, inputs, mainPort,
          scope: rc.scopeSources(node), run: { id: rc.runId, mode: rc.mode }, flow: rc.flowInfo,
          log: rc.logger(node.id), signal, clock: rc.clock, state: rc.state.forNode(node.id), code: rc.code,
          journal: (entry) => rc.journal(node.id, entry),
        });
        return Promise.resolve(type.execute(ctx as never));
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
