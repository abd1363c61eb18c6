/**
 * Streamed runs. A node with `stream` yields its output in batches; each batch is pushed through
 * the nodes after it that work item by item (exec/stream-plan.ts says which) before the source
 * is asked for the next one, so a straight pipeline holds one batch at a time whatever the size
 * of the data (back-pressure: the source's iterator is only pulled when the batch is through).
 *
 * - Branches and fan-out: a batch goes out through whichever ports the node filled, to every
 *   node wired there; a node fed by several stream nodes gets, per pass, their batches joined in
 *   edge order (so across the whole run its items interleave batch by batch).
 * - After the last batch, in flow order, each node handles what is still queued for it, then
 *   its `finish` (with no items; what it needs it kept in `ctx.session`), whose output travels
 *   on like a batch, then its session's onEnd('success') and its node.finished.
 * - A node that collects (no `batching`: Sort, Aggregate, Merge, Loop, …) gets every item of
 *   its inputs once the stream ended, and the run goes on from there as it does without streams.
 * - The source: `timeoutMs` bounds the wait for each batch; a failure before its first batch is
 *   retried by starting the stream again (same session); after that it is not (the batches
 *   already sent on would arrive twice). onError continue / error port: the error item goes out
 *   and the stream ends there.
 * - Fail (onError = stop) or cancel: the source's iterator is closed (its `finally` runs), every
 *   node that started ends its session with 'failed' or 'cancelled', latest node first; the
 *   failing node reports failed, the others cancelled.
 * - What is kept: counts are exact; items only as a sample (exec/stream-sample.ts). `$index` counts
 *   from the stream's start; `$('Node').item` inside the stream finds its item in the current batch.
 */
import type { Item, Outputs } from '../sdk/types';
import { JunctionError, toErrorInfo } from '../sdk/errors';
import { backoffMs, shouldRetry } from './retry';
import { errorItems } from './node-guards';
import { nodeContext } from './node-runner';
import type { Scheduler } from './run-flow';
import { planStream } from './stream-plan';
import { cancelled, StreamNode, StreamStop } from './stream-node';

export async function runStream(s: Scheduler, sourceId: string, inputs: Record<string, Item[]>): Promise<void> {
  const { rc, graph } = s;
  const plan = planStream(s, sourceId);
  const make = (id: string) => { const { node, type } = s.nodes.get(id)!; return new StreamNode(rc, node, type, (port) => plan.keepsAll(id, port)); };
  const source = make(sourceId);
  const members = plan.members.map(make);
  const byId = new Map([source, ...members].map((m) => [m.node.id, m]));
  for (const id of plan.inStream) s.streamed.add(id);

  /** Sends a node's output on: counted, sampled, queued for the stream nodes wired to its ports. */
  const route = (from: StreamNode, out: Outputs) => {
    from.tallyOut.add(out);
    for (const port of Object.keys(out)) {
      const items = out[port];
      const into = (from.passOut[port] ??= []);
      for (let i = 0; i < items.length; i++) into.push(items[i]);
      if (!items.length) continue;
      for (const e of graph.outgoing.get(from.node.id) ?? []) {
        if (e.from.port !== port) continue;
        const to = byId.get(e.to.node);
        if (to) (to.pending[e.to.port] ??= []).push(items);
      }
    }
    rc.outputs.set(from.node.id, from.passOut);
    from.progress(s.progressMs);
  };

  /** One batch through every stream node; on the last pass, each also finishes. */
  const pass = async (isLast: boolean) => {
    for (const m of members) m.passOut = {};
    if (isLast) await finishNode(source);
    for (const m of members) {
      if (rc.signal.aborted) throw cancelled(rc);
      const batch = m.takePending();
      if (batch) route(m, await m.call(batch));
      if (isLast) await finishNode(m);
    }
  };
  const finishNode = async (m: StreamNode) => {
    if (!m.hasStarted) return;
    if (m.type.finish) route(m, await m.call(undefined));
    await m.end('success');
  };

  source.start();
  source.tallyIn.add(inputs);
  const srcSettings = source.node.settings ?? {};
  // The source's own signal, new for each attempt: a timeout aborts it, and a retry must not start aborted.
  let srcCtl = new AbortController();
  const onAbort = () => srcCtl.abort(rc.signal.reason);
  rc.signal.addEventListener('abort', onAbort, { once: true });
  let iterator: AsyncIterator<Outputs> | undefined;
  let batches = 0;
  try {
    for (let attempt = 1; ; attempt++) {
      source.attempts = Math.max(source.attempts, attempt);
      if (srcCtl.signal.aborted) srcCtl = new AbortController();
      const ctx = nodeContext(rc, source.node, source.type, inputs, srcCtl.signal, source.session);
      iterator = source.type.stream!(ctx as never)[Symbol.asyncIterator]();
      try {
        for (;;) {
          if (rc.signal.aborted) throw cancelled(rc);
          const next = await nextWithin(iterator, srcSettings.timeoutMs, source.node.name, srcCtl);
          if (next.done) break;
          batches++;
          source.passOut = {};
          const batch = next.value ?? {};
          source.checkFailed(batch, inputs[source.mainPort] ?? []);
          route(source, batch);
          await pass(false);
        }
        break;
      } catch (e) {
        if (e instanceof StreamStop) throw e;
        if (rc.signal.aborted) throw cancelled(rc);
        const error = { ...toErrorInfo(e), node: source.node.name };
        const willRetry = batches === 0 && shouldRetry(e, srcSettings.retry, attempt);
        rc.emit({ type: 'node.error', runId: rc.runId, nodeId: source.node.id, error, attempt, willRetry, at: rc.iso() });
        if (willRetry) {
          try { await rc.clock.sleep(backoffMs(srcSettings.retry!, attempt, rc.clock.random), rc.signal); } catch { throw cancelled(rc); }
          continue;
        }
        if (!srcSettings.onError || srcSettings.onError === 'stop') throw new StreamStop(error, false);
        source.error = error;
        source.passOut = {};
        const main = inputs[source.mainPort] ?? [];
        route(source, srcSettings.onError === 'continue' ? { [source.firstOut]: errorItems(main, error, false) } : { error: errorItems(main, error, true) });
        await pass(false);
        break;
      }
    }
    source.passOut = {};
    await pass(true);
    for (const m of [source, ...members]) {
      if (m.hasStarted) m.progress(0, true);
      m.finished(m.error ? 'failed' : 'success');
      if (m.hasStarted) rc.outputs.set(m.node.id, m.outputs);
      else rc.outputs.delete(m.node.id);
    }
  } catch (e) {
    const stop = e instanceof StreamStop ? e : new StreamStop({ ...toErrorInfo(e), code: 'engine.bug' }, false);
    const isCancel = stop.isCancel || (rc.signal.aborted && !(e instanceof StreamStop));
    await iterator?.return?.().catch(() => {});
    const culprit = isCancel ? undefined : stop.info.node;
    for (const m of [source, ...members].reverse()) {
      if (!m.hasStarted) continue;
      if (m.isEnded) { // finished before the failure: its work stands
        m.finished(m.error ? 'failed' : 'success');
        rc.outputs.set(m.node.id, m.outputs);
        continue;
      }
      await m.end(isCancel ? 'cancelled' : 'failed');
      m.finished(m.node.name === culprit ? 'failed' : 'cancelled', m.node.name === culprit ? stop.info : toErrorInfo(rc.cancelReason() ?? stop.info));
      rc.outputs.set(m.node.id, {});
    }
    if (!isCancel) s.fail(stop.info);
  } finally {
    rc.signal.removeEventListener('abort', onAbort);
  }
}

/** The source's next batch, within its timeout; on expiry the source's signal is aborted too. */
async function nextWithin(it: AsyncIterator<Outputs>, timeoutMs: number | undefined, name: string, ctl: AbortController): Promise<IteratorResult<Outputs>> {
  if (!timeoutMs) return it.next();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new JunctionError('node.timeout', `"${name}" took longer than ${timeoutMs.toLocaleString('en-US')} ms to give its next batch and was stopped`, { node: name, retryable: true });
      reject(err);
      ctl.abort(err);
    }, timeoutMs);
  });
  try { return await Promise.race([it.next(), timeout]); } finally { clearTimeout(timer); }
}
