import { JunctionError, toErrorInfo, type ErrorInfo } from '../sdk/errors';
import type { FlowNode } from '../flow/types';
import type { Item, NodeType, Outputs } from '../sdk/types';
import type { NodeRunStatus } from './events';
import { errorItems, failedItemsOutcome, withTimeout } from './node-guards';
import { nodeContext } from './node-runner';
import { createNodeSession } from './node-session';
import { backoffMs, shouldRetry } from './retry';
import type { RunContext } from './run-context';
import { PortTallies } from './stream-sample';

/** Ends the stream: the node failed with onError = stop (or the run was cancelled). */
export class StreamStop extends Error {
  constructor(readonly info: ErrorInfo, readonly isCancel: boolean) { super(info.message); }
}

/**
 * One node's run inside a stream: a session for all its batches, counts and samples per port,
 * and each call (a batch, or `finish`) guarded as a whole node run is, but per call:
 * - timeout: each call must end within the node's timeout (a batch, not the whole stream);
 * - retry: a failed call is tried again with the same items, in the same session, after the
 *   backoff; earlier batches stay done. A node that writes per batch makes the batch atomic
 *   itself (a transaction or savepoint per batch, kept in its session);
 * - onError: continue / error port turn that batch's items into error items and the stream
 *   goes on; stop ends the stream and fails the run;
 * - items on an unconnected error port with onError = stop fail the node at that batch.
 */
export class StreamNode {
  readonly session = createNodeSession();
  readonly tallyIn = new PortTallies();
  readonly tallyOut: PortTallies;
  readonly mainPort: string;
  readonly firstOut: string;
  t0 = 0;
  hasStarted = false;
  /** The most attempts any call needed. */
  attempts = 0;
  failedItems = 0;
  /** The last error a call had that onError let the stream carry on from. */
  error?: ErrorInfo;
  /** Batches waiting for the current pass, per input port. */
  pending: Record<string, Item[][]> = {};
  /** What the node sent on in the current pass: what `$('Node').item` of later nodes looks up. */
  passOut: Outputs = {};
  lastProgress = 0;
  /** What the node's node.finished reported as its output (the kept items): the run's outputs hold the same object. */
  outputs: Outputs = {};
  /** Its session ended with success: the node's work is done whatever happens after. */
  isEnded = false;

  constructor(readonly rc: RunContext, readonly node: FlowNode, readonly type: NodeType, keepsAll: (port: string) => boolean) {
    this.tallyOut = new PortTallies(keepsAll);
    this.mainPort = type.inputs[0] ?? 'main';
    this.firstOut = type.outputsFor(node.params)[0] ?? 'main';
  }

  /** Emits node.started the first time the node gets something to do. */
  start(): void {
    if (this.hasStarted) return;
    this.hasStarted = true;
    this.t0 = performance.now();
    this.rc.emit({ type: 'node.started', runId: this.rc.runId, nodeId: this.node.id, nodeName: this.node.name, at: this.rc.iso() });
  }

  /** Takes the batches queued for this pass, joined per port (edges in flow order). */
  takePending(): Record<string, Item[]> | undefined {
    const pending = this.pending;
    this.pending = {};
    let inputs: Record<string, Item[]> | undefined;
    for (const port of Object.keys(pending)) {
      const parts = pending[port];
      const items = parts.length === 1 ? parts[0] : parts.flat();
      if (items.length) (inputs ??= {})[port] = items;
    }
    return inputs;
  }

  /** Runs `execute` over one batch (or `finish` when `inputs` is undefined), with the guards above. */
  async call(inputs: Record<string, Item[]> | undefined): Promise<Outputs> {
    this.start();
    const { rc, node, type } = this;
    const settings = node.settings ?? {};
    const batch = inputs ?? {};
    const indexBase = this.tallyIn.ports.get(this.mainPort)?.count ?? 0;
    if (inputs) this.tallyIn.add(inputs);
    const input = batch[this.mainPort] ?? [];
    if (settings.disabled) return inputs ? { [this.firstOut]: input } : {};
    for (let attempt = 1; ; attempt++) {
      this.attempts = Math.max(this.attempts, attempt);
      try {
        const out = await withTimeout(async (signal) => {
          const ctx = nodeContext(rc, node, type, batch, signal, this.session, indexBase);
          return (inputs ? await type.execute(ctx as never) : await type.finish?.(ctx as never)) ?? {};
        }, rc.signal, settings.timeoutMs, node.name);
        this.checkFailed(out, input, indexBase);
        return out;
      } catch (e) {
        if (e instanceof StreamStop) throw e;
        if (rc.signal.aborted) throw new StreamStop(toErrorInfo(rc.cancelReason()), true);
        const error = { ...toErrorInfo(e), node: node.name };
        const willRetry = shouldRetry(e, settings.retry, attempt);
        rc.emit({ type: 'node.error', runId: rc.runId, nodeId: node.id, error, attempt, willRetry, at: rc.iso() });
        if (willRetry) {
          try { await rc.clock.sleep(backoffMs(settings.retry!, attempt, rc.clock.random), rc.signal); } catch { throw new StreamStop(toErrorInfo(rc.cancelReason()), true); }
          continue;
        }
        this.error = error;
        if (settings.onError === 'continue') return { [this.firstOut]: errorItems(input, error, false) };
        if (settings.onError === 'errorPort') return { error: errorItems(input, error, true) };
        throw new StreamStop(error, false);
      }
    }
  }

  /** Ends the node's session: commit or roll back what it kept open across batches. */
  async end(outcome: 'success' | 'failed' | 'cancelled'): Promise<void> {
    if (outcome === 'success') {
      try { await this.session.end('success'); this.isEnded = true; } catch (e) {
        const error = { ...toErrorInfo(e), node: this.node.name };
        if (!this.node.settings?.onError || this.node.settings.onError === 'stop') throw new StreamStop(error, false);
        this.error = error;
        this.isEnded = true;
      }
      return;
    }
    await this.session.end(outcome).catch(() => {}); // the failure that ended the stream says more
  }

  /** node.finished with the exact counts and the kept items. */
  /**
   * Items on an unconnected error port: with onError = stop they fail the node at this batch
   * (the batches before it have gone on); otherwise they are counted as failed items.
   */
  checkFailed(out: Outputs, input: Item[], indexBase = 0): void {
    const failed = this.rc.isWired(this.node.id, 'error') ? undefined : out.error;
    if (!failed?.length) return;
    const o = failedItemsOutcome({ status: 'success', outputs: out, isFatal: false }, failed, input, this.node.settings?.onError, this.node.name, indexBase);
    if (o.isFatal) throw new StreamStop(o.error!, false);
    this.failedItems += failed.length;
  }

  finished(status: NodeRunStatus, error?: ErrorInfo): void {
    const { rc } = this;
    if (!this.hasStarted) {
      rc.finished(this.node, { status: 'skipped', attempts: 0, iteration: 0, inputs: {}, outputs: {} });
      return;
    }
    const hasOutput = status === 'success' || status === 'failed';
    if (status === 'success' && this.node.settings?.disabled) status = 'disabled';
    const outputs = (this.outputs = hasOutput ? this.tallyOut.result() : {});
    const itemsOut = hasOutput ? this.tallyOut.counts() : {};
    rc.finished(this.node, {
      status, t0: this.t0, attempts: Math.max(1, this.attempts), iteration: 0,
      inputs: this.tallyIn.result(), outputs, counts: { itemsIn: this.tallyIn.counts(), itemsOut },
      ...(error ?? this.error ? { error: error ?? this.error } : {}), ...(this.failedItems ? { failedItems: this.failedItems } : {}),
    });
  }

  /** node.progress, at most every `intervalMs` for this node. */
  progress(intervalMs: number, force = false): void {
    const now = performance.now();
    if (!force && now - this.lastProgress < intervalMs) return;
    this.lastProgress = now;
    const { rc } = this;
    rc.emit({ type: 'node.progress', runId: rc.runId, nodeId: this.node.id, at: rc.iso(), itemsIn: this.tallyIn.counts(), itemsOut: this.tallyOut.counts() });
  }
}

export const cancelled = (rc: RunContext): StreamStop => new StreamStop(toErrorInfo(rc.cancelReason() ?? new JunctionError('run.cancelled', 'The run was cancelled.')), true);
