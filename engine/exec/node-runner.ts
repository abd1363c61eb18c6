import { toErrorInfo, type ErrorInfo } from '../sdk/errors';
import type { Item, NodeContext, NodeSession, NodeType, Outputs } from '../sdk/types';
import type { FlowNode } from '../flow/types';
import { createNodeContext } from './context';
import { createNodeSession, runWhole } from './node-session';
import type { NodeRunStatus } from './events';
import { errorItems, failedItemsOutcome, withTimeout } from './node-guards';
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

/** What one call of a node (a whole run, or one batch of a streamed run) receives. */
export function nodeContext(rc: RunContext, node: FlowNode, type: NodeType, inputs: Record<string, Item[]>, signal: AbortSignal, session: NodeSession, indexBase = 0): NodeContext<Record<string, unknown>> {
  return createNodeContext({
    node: { id: node.id, name: node.name, type: node.type, version: node.version },
    paramSpec: type.paramSpec, params: node.params, inputs, mainPort: type.inputs[0] ?? 'main',
    scope: rc.scopeSources(node), run: { id: rc.runId, mode: rc.mode }, flow: rc.flowInfo,
    log: rc.logger(node.id), signal, clock: rc.clock, state: rc.state.forNode(node.id), code: rc.code,
    journal: (entry) => rc.journal(node.id, entry),
    credential: (slot) => rc.credential(node, slot),
    session, binary: rc.binary, indexBase,
  });
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
        return runWhole(type, nodeContext(rc, node, type, inputs, signal, session) as never, session, () => signal.aborted);
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
