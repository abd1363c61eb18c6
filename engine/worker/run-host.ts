import { randomUUID } from 'node:crypto';
import type { EngineEvent, RunMode } from '../exec/events';
import type { CodeBackend } from '../exec/lazy-code-runner';
import type { CredentialResolver } from '../exec/run-context';
import { serveCredentials } from './credential-channel';
import type { FlowFile } from '../flow/types';
import { toErrorInfo, type ErrorInfo } from '../sdk/errors';
import type { Outputs } from '../sdk/types';
import { DEFAULT_RUN_DEADLINE_MS, formatMb, MAX_IDLE_PROCESSES, MAX_NODE_OUTPUT_BYTES, MAX_RUN_DATA_BYTES, MAX_RUNS_PER_PROCESS, runMemoryMb, START_DEADLINE_MS, STOP_GRACE_MS } from './limits';
import type { FromRunJob, FromRunWorker, NodeData, RunJob, RunOutcome, ToRunWorker, TypesModule } from './protocol';
import { createSharedPool } from './run-pool';
import { spawnWorker, type WorkerProcess } from './worker-process';

export interface RunHostOptions {
  /** The run store's file; the run's process records history, state and the journal there. */
  storePath?: string;
  /** Node types other than the built-in ones; `types` given to the service must be the same. */
  typesModule?: TypesModule;
  /** The V8 heap cap of each run's process; JUNCTION_RUN_MEMORY_MB or 2,048 MB when absent. */
  memoryMb?: number;
  maxNodeOutputBytes?: number;
  /** How much item data (estimated JSON) a run may send back with `keepData`; none beyond it. */
  maxRunDataBytes?: number;
  /** Keep one process started and idle, so a run starts without waiting for one (the service). */
  keepWarm?: boolean;
}

export interface HostedRunOptions {
  runId?: string;
  mode: RunMode;
  usePinned?: boolean;
  input?: Record<string, unknown>[];
  previous?: ReadonlyMap<string, Outputs>;
  startAt?: string;
  only?: string;
  /** The trigger node that starts a triggered run. */
  trigger?: string;
  /** False keeps the run out of history; true when absent. */
  isRecorded?: boolean;
  /** Run in a warm process shared with other triggered runs (see run-pool.ts) instead of one of its own. */
  isShared?: boolean;
  /** A poll: no history and no events when the trigger node finds nothing (the result says `isEmpty`). */
  isQuietWhenEmpty?: boolean;
  /** Node types whose node.finished events reach `onEvent` with their output items. */
  eventDataOf?: string[];
  vars?: Record<string, unknown>;
  env?: Record<string, string>;
  /** The flow named by `flow.settings.errorFlow`, when there is one. */
  errorFlow?: FlowFile;
  /** Which sandbox runs the Code nodes of the flow and of its error flow; `isolated` when absent. */
  codeBackend?: CodeBackend;
  errorFlowBackend?: CodeBackend;
  /** Hand every node's items to `onData` when each run ends (before its run.finished). */
  keepData?: boolean;
  /** Nodes whose final outputs the result carries; all when absent. */
  outputsOf?: string[];
  signal?: AbortSignal;
  /** Engine events as they happen, without items. */
  onEvent?(e: EngineEvent): void;
  onData?(entries: NodeData[]): void;
  /** Resolves the connections the run's nodes ask for (the service's secret store); none: nodes that need one fail. */
  credentials?: CredentialResolver;
  /** Records in history what the host decides itself: a run ended by its deadline, memory cap or Cancel. */
  record?(e: EngineEvent): void;
}

export interface HostedRunResult extends RunOutcome {
  outputs: Map<string, Outputs>;
  /** Nodes that streamed: their `outputs` are the first items only; these are the exact counts per port. */
  samples?: Map<string, Record<string, number>>;
  errorFlowRun?: RunOutcome;
}

export type RunHost = ReturnType<typeof createRunHost>;

/** Per process, one message listener that hands each message to its run: a shared process carries many. */
const routers = new WeakMap<WorkerProcess, Map<string, (m: FromRunJob) => void>>();
function listenToJob(worker: WorkerProcess, job: string, listener: (m: FromRunJob) => void): () => void {
  let jobs = routers.get(worker);
  if (!jobs) {
    const byJob = (jobs = new Map());
    routers.set(worker, byJob);
    worker.onMessage((m: FromRunWorker) => { if (m.type !== 'ready') byJob.get(m.job)?.(m); });
  }
  jobs.set(job, listener);
  return () => { jobs.delete(job); };
}

/**
 * Runs each flow in a worker process (one run at a time each) with a heap cap and a wall-clock deadline, so
 * no flow can hold the caller's thread or end its process. Cancel and the deadline first ask
 * the run to stop; a run that does not within STOP_GRACE_MS (stuck in a native call) has its
 * process killed and ends with a clear error. Never rejects: the result says how it ended.
 */
export function createRunHost(opts: RunHostOptions = {}) {
  const memoryMb = opts.memoryMb ?? runMemoryMb();
  const maxNodeOutputBytes = opts.maxNodeOutputBytes ?? MAX_NODE_OUTPUT_BYTES;
  /**
   * Idle processes, newest last: started ahead of the next run, or back from a run that ended by
   * itself. A process that was stopped, crashed or went over a limit is never reused; one that
   * served MAX_RUNS_PER_PROCESS runs is retired, so one process's heap does not grow for ever.
   * Idle, they keep nobody alive.
   */
  const idle: WorkerProcess[] = [];
  const served = new WeakMap<WorkerProcess, number>();
  const shared = createSharedPool(memoryMb);
  const prewarm = () => {
    if (idle.some((w) => w.isAlive())) return;
    const worker = spawnWorker('run', memoryMb);
    worker.hold(false);
    idle.push(worker);
  };
  const take = (): WorkerProcess => {
    let worker: WorkerProcess | undefined;
    while ((worker = idle.pop()) && !worker.isAlive());
    worker ??= spawnWorker('run', memoryMb);
    worker.hold(true);
    if (opts.keepWarm && !idle.length) setImmediate(() => { try { prewarm(); } catch { /* the next run reports it */ } });
    return worker;
  };
  const release = (worker: WorkerProcess) => {
    const runs = (served.get(worker) ?? 0) + 1;
    served.set(worker, runs);
    if (!worker.isAlive() || runs >= MAX_RUNS_PER_PROCESS || idle.length >= MAX_IDLE_PROCESSES) { worker.kill(); return; }
    worker.hold(false);
    idle.push(worker);
  };

  function run(flow: FlowFile, o: HostedRunOptions): Promise<HostedRunResult> {
    const runId = o.runId ?? randomUUID();
    const job: RunJob = {
      flow, runId, mode: o.mode, usePinned: o.usePinned ?? false, input: o.input,
      previous: o.previous ? new Map(o.previous) : undefined, startAt: o.startAt, only: o.only,
      trigger: o.trigger, isRecorded: o.isRecorded ?? true, isQuietWhenEmpty: o.isQuietWhenEmpty, eventDataOf: o.eventDataOf,
      vars: o.vars ?? {}, env: o.env ?? {}, errorFlow: o.errorFlow,
      codeBackend: o.codeBackend ?? 'isolated', errorFlowBackend: o.errorFlowBackend ?? 'isolated', storePath: opts.storePath, typesModule: opts.typesModule,
      keepData: o.keepData ?? false, outputsOf: o.outputsOf, maxNodeOutputBytes, maxRunDataBytes: opts.maxRunDataBytes ?? MAX_RUN_DATA_BYTES,
    };
    const t0 = performance.now();
    return new Promise((resolve) => {
      let worker: WorkerProcess;
      try {
        worker = o.isShared ? shared.take() : take();
        worker.send(job);
      } catch (e) {
        const error = toErrorInfo(e);
        o.onEvent?.({ type: 'run.finished', runId, status: 'failed', at: new Date().toISOString(), durationMs: 0, itemsOut: 0, error });
        return resolve({ runId, status: 'failed', error, durationMs: 0, outputs: new Map(o.previous ?? []) });
      }
      const open = new Set<string>(); // runs started and not yet finished (the run, then its error flow)
      const finished = new Map<string, Extract<EngineEvent, { type: 'run.finished' }>>();
      let mainEntries: NodeData[] = [];
      let isSettled = false;
      let stopTimer: NodeJS.Timeout | undefined;
      const timeoutMs = flow.settings.timeoutMs ?? DEFAULT_RUN_DEADLINE_MS;
      let deadline = setTimeout(() => end('failed', { code: 'run.start', message: `The run's process did not start within ${START_DEADLINE_MS / 1000} s` }), START_DEADLINE_MS);
      // From run.started, like the flow's own timer: that one stops the run gracefully; this one is for a run that cannot hear it.
      const startDeadline = () => {
        clearTimeout(deadline);
        deadline = setTimeout(() => end('failed', { code: 'run.timeout', message: `The run took longer than ${timeoutMs} ms and was stopped` }), timeoutMs + STOP_GRACE_MS);
      };

      const onAbort = () => {
        worker.send({ type: 'cancel', job: runId } satisfies ToRunWorker);
        stopTimer ??= setTimeout(() => end('cancelled', { code: 'run.cancelled', message: 'The run was cancelled.' }), STOP_GRACE_MS);
      };
      o.signal?.addEventListener('abort', onAbort, { once: true });
      if (o.signal?.aborted) onAbort();

      /** A run that ended by itself hands its process back for the next run; any other end kills it. */
      const settle = (result: HostedRunResult, isClean = false) => {
        isSettled = true;
        clearTimeout(deadline);
        clearTimeout(stopTimer);
        o.signal?.removeEventListener('abort', onAbort);
        stopListening();
        // A shared process whose run stopped by itself after a cancel still serves the others.
        if (o.isShared) shared.release(worker, isClean);
        else if (isClean && !stopTimer) release(worker);
        else worker.kill();
        resolve(result);
      };

      /** Ends the run from here: its process is gone or about to be; history and listeners learn how it ended. */
      function end(status: 'failed' | 'cancelled', error: ErrorInfo) {
        if (isSettled) return;
        const durationMs = Math.round(performance.now() - t0);
        if (!finished.has(runId)) open.add(runId);
        for (const id of open) {
          const e = { type: 'run.finished' as const, runId: id, status, at: new Date().toISOString(), durationMs, itemsOut: 0, error };
          try { if (o.isRecorded ?? true) o.record?.(e); } catch (x) { process.stderr.write(`junction: recording the end of run ${id} failed: ${(x as Error).message}\n`); }
          if (id === runId) finished.set(id, e);
          o.onEvent?.(e);
        }
        const own = finished.get(runId)!;
        settle({ runId, status: own.status, durationMs: own.durationMs, ...(own.error ? { error: own.error } : {}), outputs: new Map(o.previous ?? []) });
      }

      const serve = serveCredentials(o.credentials, (m) => worker.send({ ...m, job: runId } satisfies ToRunWorker));
      const stopListening = listenToJob(worker, runId, (m: FromRunJob) => {
        if (isSettled) return;
        switch (m.type) {
          case 'credential':
            return serve(m);
          case 'event':
            if (m.event.type === 'run.started') { open.add(m.event.runId); if (m.event.runId === runId) startDeadline(); }
            if (m.event.type === 'run.finished') { open.delete(m.event.runId); finished.set(m.event.runId, m.event); }
            o.onEvent?.(m.event);
            return;
          case 'data':
            if (m.runId === runId) mainEntries = m.entries;
            o.onData?.(m.entries);
            return;
          case 'fatal':
            return end('failed', m.error);
          case 'result': {
            const outputs = new Map(m.outputs.map(([id, ref]) => [id, 'sameAsEntry' in ref ? mainEntries[ref.sameAsEntry]!.output : ref.outputs] as [string, Outputs]));
            return settle({ ...m.outcome, outputs, ...(m.errorFlowRun ? { errorFlowRun: m.errorFlowRun } : {}), ...(m.samples ? { samples: new Map(m.samples) } : {}) }, true);
          }
        }
      });
      void worker.exited.then(({ isOutOfMemory, detail }) => end('failed', isOutOfMemory
        ? { code: 'run.memory', message: `The run used more than ${formatMb(memoryMb)} of memory and was stopped` }
        : { code: 'run.process', message: `The run stopped unexpectedly (${detail})` }));
    });
  }

  return {
    run,
    memoryMb,
    /** Starts the process of the next run now, while the caller does other work. */
    prewarm,
    close() { for (const w of idle.splice(0)) w.kill(); shared.close(); },
  };
}
