// A run's process: the executor as the CLI and service ran it before, with history, state and
// the journal in the process's own connection to the run store. Events go out as they happen,
// without items; the items of a run cross once, when it ends, in one message.
import { executeFlow, lazyCodeRunner, type EngineEvent } from '../exec';
import type { NodeRegistry } from '../registry';
import { builtinRegistry } from '../registry';
import { openRunStore, type RunStore } from '../store';
import { toErrorInfo } from '../sdk/errors';
import type { CodeRunner, Outputs } from '../sdk/types';
import { remoteCredentials } from './credential-channel';
import { formatBytes } from './limits';
import { estimateOutputBytes } from './output-size';
import type { FromRunJob, NodeData, OutputsRef, RunJob, RunOutcome, ToRunWorker } from './protocol';

async function loadTypes(job: RunJob): Promise<NodeRegistry> {
  if (!job.typesModule) return builtinRegistry();
  const mod = (await import(job.typesModule.url)) as Record<string, NodeRegistry>;
  return mod[job.typesModule.exportName]!;
}

/**
 * What a run process keeps from one run to the next, so a reused process starts a run at once:
 * node types, the run store's connection and the Code sandboxes (each still fresh per run inside).
 */
interface Kept {
  types: Map<string, Promise<NodeRegistry>>;
  stores: Map<string, RunStore>;
  code: CodeRunner & { close(): Promise<void> };
  trustedCode: CodeRunner & { close(): Promise<void> };
}

/** One run the process carries: its cancel, and its connections (resolved and applied by the service on request). */
interface Job { controller: AbortController; credentials: ReturnType<typeof remoteCredentials> }

/**
 * The process's message handler: jobs, each maybe followed by a cancel; several may run at
 * once (triggered runs share warm processes), every message in and out naming its job.
 */
export function runWorker(): (m: RunJob | ToRunWorker) => void {
  const kept: Kept = { types: new Map(), stores: new Map(), code: lazyCodeRunner('isolated'), trustedCode: lazyCodeRunner('trusted') };
  const jobs = new Map<string, Job>();
  return (m) => {
    const control = m as ToRunWorker;
    if (control.type === 'cancel') { jobs.get(control.job)?.controller.abort(); return; }
    if (control.type === 'credential-reply') { jobs.get(control.job)?.credentials.onReply(control); return; }
    const job = m as RunJob;
    const send = (out: DistributiveOmit<FromRunJob, 'job'>) => process.send!({ ...out, job: job.runId });
    const own: Job = { controller: new AbortController(), credentials: remoteCredentials(send) };
    jobs.set(job.runId, own);
    void runJob(job, own, kept, send).finally(() => jobs.delete(job.runId));
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Send = (m: DistributiveOmit<FromRunJob, 'job'>) => void;

async function runJob(job: RunJob, { controller, credentials }: Job, kept: Kept, send: Send): Promise<void> {
  const typesKey = job.typesModule ? `${job.typesModule.url}#${job.typesModule.exportName}` : '';
  if (!kept.types.has(typesKey)) kept.types.set(typesKey, loadTypes(job));
  const types = await kept.types.get(typesKey)!;
  let store = job.storePath ? kept.stores.get(job.storePath) : undefined;
  if (job.storePath && !store) kept.stores.set(job.storePath, (store = openRunStore(job.storePath)));
  const { code, trustedCode } = kept;
  /** Set once the host is told to stop this process: nothing more goes into history from here. */
  let isDoomed = false;
  const quiet = quietUntilTrigger(job);
  const history = store && { state: store.state, journal: store.journal, record: (e: EngineEvent) => { if (!isDoomed && job.isRecorded) quiet.later(() => store.record(e)); } };
  const withData = new Set(job.eventDataOf ?? []);

  const pending = new Map<string, NodeData[]>();
  /** Estimated JSON bytes of each run's node outputs so far. */
  const dataBytes = new Map<string, number>();
  let isMainDataDropped = false;
  /** The main run's outputs already sent in `data`, so the result refers to them instead of copying. */
  const sent = new Map<Outputs, number>();
  const onEvent = (e: EngineEvent) => {
    quiet.seen(e);
    if (quiet.isEmpty) return;
    if (e.type === 'node.finished' && e.data) {
      const { data, ...event } = e;
      if (job.keepData) {
        let list = pending.get(e.runId);
        if (!list) pending.set(e.runId, (list = []));
        list.push({
          runId: e.runId, nodeId: e.nodeId, iteration: e.iteration, input: data.input, output: data.output,
          // A streamed node's data is its kept sample (exec/stream-sample.ts): the host learns the real counts.
          ...(data.isSample ? { totals: { input: e.itemsIn, output: e.itemsOut } } : {}),
        });
      }
      quiet.later(() => send({ type: 'event', event: withData.has(e.nodeType) ? { ...event, data: { input: {}, output: withoutLineage(data.output) } } : event }));
      const bytes = estimateOutputBytes(data.output, job.maxNodeOutputBytes);
      dataBytes.set(e.runId, (dataBytes.get(e.runId) ?? 0) + bytes);
      if (bytes > job.maxNodeOutputBytes) {
        isDoomed = true; // the host ends the run as failed and records it; this process is killed
        send({ type: 'fatal', error: { code: 'run.output-too-large', node: e.nodeName, message: `"${e.nodeName}" produced about ${formatBytes(bytes)} of data; a node may output at most ${formatBytes(job.maxNodeOutputBytes)} in one run` } });
      }
      return;
    }
    if (e.type === 'run.finished' && job.keepData) {
      const isTooMuch = (dataBytes.get(e.runId) ?? 0) > job.maxRunDataBytes;
      const entries = isTooMuch ? [] : pending.get(e.runId) ?? [];
      pending.delete(e.runId);
      if (isTooMuch && e.runId === job.runId) isMainDataDropped = true;
      if (e.runId === job.runId) entries.forEach((entry, i) => sent.set(entry.output, i));
      send({ type: 'data', runId: e.runId, entries });
    }
    quiet.later(() => send({ type: 'event', event: e }));
  };

  let last: Parameters<Send>[0];
  try {
    const result = await executeFlow(
      {
        types, code, trustedCode, store: history, vars: job.vars, env: job.env, credentials: credentials.resolver,
        isTrusted: () => job.errorFlowBackend === 'trusted',
        findFlow: (id) => (job.errorFlow?.id === id ? job.errorFlow : undefined),
      },
      job.flow,
      {
        runId: job.runId, mode: job.mode, usePinned: job.usePinned, input: job.input, previous: job.previous,
        startAt: job.startAt, only: job.only, trigger: job.trigger, signal: controller.signal, observers: [onEvent], codeBackend: job.codeBackend,
      },
    );
    const wanted = job.outputsOf ? new Set(job.outputsOf) : undefined;
    const outputs: [string, OutputsRef][] = [];
    for (const [id, outs] of isMainDataDropped ? [] : result.outputs) {
      if (wanted && !wanted.has(id)) continue;
      const index = sent.get(outs);
      outputs.push([id, index !== undefined ? { sameAsEntry: index } : { outputs: job.keepData ? outs : withoutLineage(outs) }]);
    }
    const outcome = (r: RunOutcome): RunOutcome => ({
      runId: r.runId, status: r.status, durationMs: r.durationMs, ...(r.failedItems ? { failedItems: r.failedItems } : {}), ...(r.error ? { error: r.error } : {}),
    });
    const samples = [...result.samples];
    const main = { ...outcome(result), peakRssKb: process.resourceUsage().maxRSS };
    last = { type: 'result', outcome: quiet.isEmpty ? { ...main, isEmpty: true } : main, ...(result.errorFlowRun ? { errorFlowRun: outcome(result.errorFlowRun) } : {}), outputs, ...(samples.length ? { samples } : {}) };
  } catch (e) {
    last = { type: 'fatal', error: { ...toErrorInfo(e), code: 'engine.bug' } };
  }
  send(last);
}

/**
 * A poll's history records and events wait until its trigger node has finished: when it found
 * nothing (and did not fail) they are dropped, so an empty poll leaves no run behind.
 */
function quietUntilTrigger(job: RunJob) {
  let held: (() => void)[] | undefined = job.isQuietWhenEmpty && job.trigger ? [] : undefined;
  let isEmpty = false;
  const release = (drop: boolean) => {
    const acts = held ?? [];
    held = undefined;
    isEmpty = drop;
    if (!drop) for (const act of acts) act();
  };
  return {
    get isEmpty() { return isEmpty; },
    later(act: () => void) {
      if (isEmpty) return;
      if (held) held.push(act); else act();
    },
    seen(e: EngineEvent) {
      if (!held || e.runId !== job.runId) return;
      if (e.type === 'node.finished' && e.nodeId === job.trigger) {
        let found = 0;
        for (const n of Object.values(e.itemsOut)) found += n;
        release(e.status === 'success' && found === 0);
      } else if (e.type === 'run.finished') release(false);
    },
  };
}

/**
 * Items with their data only. `paired` links each item to the items it came from, and a
 * clone follows them: five aggregated items would drag 200,000 ancestors across (11 s measured).
 */
function withoutLineage(outs: Outputs): Outputs {
  return Object.fromEntries(Object.entries(outs).map(([port, items]) => [port, items.map(({ json, binary }) => (binary ? { json, binary } : { json }))]));
}
