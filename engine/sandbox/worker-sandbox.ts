import { JunctionError } from '../sdk/errors';
import { ThreadCrash, type SandboxThread } from './sandbox-channel';
import type { CodeSandbox, SandboxLimits, SandboxLog, WorkerReply } from './types';

const MB = 1024 * 1024;
// QuickJS stops the guest at the deadline itself; this grace lets it say so before the host ends
// the thread (needed when a long native call never checks). The trusted backend is simply ended.
const GRACE_MS = 100;
const MIN_MEMORY_MB = 8;
const MAX_MEMORY_MB = 1000; // QuickJS's wasm heap cap must stay under the module's 2 GB maximum
const START_TIMEOUT_MS = 30_000; // starting a backend takes 50–150 ms; this only catches a broken install

type RunResult = { resultJson: string; logs: SandboxLog[] };

/** What differs between the Code backends: what runs the guest, and with what caps. */
export interface SandboxBackend {
  /** Starts the thread or process a run limited to `memoryMb` needs. */
  start(memoryMb: number): SandboxThread;
  /** Whether a warm one started for `startedForMb` may serve a run limited to `memoryMb`. */
  canReuse(startedForMb: number, memoryMb: number): boolean;
}

/**
 * A Code sandbox on a worker thread or a child process that stays warm between runs, with fresh
 * guest state per run. Runs are queued; a timeout, a memory fault or a cancel ends the thread or
 * process and the next run starts a new one.
 */
export function createWorkerSandbox(backend: SandboxBackend): CodeSandbox {
  let thread: SandboxThread | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let isClosed = false;

  const discard = () => {
    void thread?.kill();
    thread = undefined;
  };
  const threadFor = (memoryMb: number) => {
    if (thread && (!thread.isAlive() || !backend.canReuse(thread.memoryMb, memoryMb))) discard();
    return (thread ??= backend.start(memoryMb));
  };

  async function runNow(code: string, itemsJson: string, limits: SandboxLimits): Promise<RunResult> {
    const { signal } = limits;
    const timeoutMs = clamp(limits.timeoutMs, 1, 2 ** 31 - 1 - GRACE_MS, 5_000);
    const memoryMb = clamp(limits.memoryMb, MIN_MEMORY_MB, MAX_MEMORY_MB, 64);
    if (isClosed) throw new JunctionError('code.sandbox', 'The Code sandbox is closed.');
    if (signal?.aborted) throw abortError();
    if (itemsJson.length > memoryMb * MB) {
      throw new JunctionError('code.memory', `The Code node's input items (${Math.ceil(itemsJson.length / MB)} MB of JSON) do not fit in its ${memoryMb} MB memory limit`);
    }
    const current = threadFor(memoryMb);
    try {
      await untilAborted(withTimeout(current.ready, START_TIMEOUT_MS), signal);
    } catch (e) {
      if (current === thread && e instanceof ThreadCrash) discard();
      throw e instanceof ThreadCrash ? new JunctionError('code.sandbox', 'The Code sandbox could not start.') : e;
    }
    return new Promise<RunResult>((resolve, reject) => {
      let isSettled = false;
      const settle = (fn: () => void) => {
        if (isSettled) return;
        isSettled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const stop = (error: Error) => settle(() => { if (thread === current) discard(); reject(error); });
      const onAbort = () => stop(abortError());
      const timer = setTimeout(() => stop(timeoutError(timeoutMs)), timeoutMs + GRACE_MS);
      signal?.addEventListener('abort', onAbort, { once: true });
      current.request({ code, itemsJson, memoryMb, deadline: Date.now() + timeoutMs }).then(
        (reply) => settle(() => {
          if (reply.fault && thread === current) discard();
          if (reply.ok) resolve({ resultJson: reply.resultJson ?? 'null', logs: reply.logs ?? [] });
          else reject(keepLogs(replyError(reply, timeoutMs, memoryMb), reply.logs));
        }),
        (e: unknown) => stop(e instanceof ThreadCrash && e.isOutOfMemory ? memoryError(memoryMb)
          : new JunctionError('code.sandbox', 'The Code sandbox stopped unexpectedly.')),
      );
    });
  }

  return {
    run(code, itemsJson, limits) {
      const job = queue.then(() => runNow(code, itemsJson, limits));
      queue = job.catch(() => {});
      // A run waiting behind another is cancelled at once; runNow then returns early.
      return untilAborted(job, limits.signal);
    },
    warm(memoryMb) {
      // Only when idle: replacing a thread here could end a run that is using it.
      if (!thread && !isClosed) thread = backend.start(clamp(memoryMb, MIN_MEMORY_MB, MAX_MEMORY_MB, 64));
    },
    async close() {
      isClosed = true;
      const last = thread;
      thread = undefined;
      await last?.kill();
    },
  };
}

/** Limits come from flow files: a missing or absurd value is pulled into range rather than trusted. */
function clamp(value: number, min: number, max: number, fallback: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : fallback;
}

function replyError(reply: WorkerReply, timeoutMs: number, memoryMb: number): JunctionError {
  const error = reply.error ?? { code: 'code.error', message: 'The Code node failed' };
  if (error.code === 'code.timeout') return timeoutError(timeoutMs);
  if (error.code === 'code.memory') return memoryError(memoryMb);
  if (error.code === 'code.result') return new JunctionError('code.result', `The Code node's result could not be turned into JSON: ${error.message}`);
  const code = error.code === 'code.syntax' ? 'code.syntax' : 'code.error';
  return new JunctionError(code, error.line ? `${error.message} (line ${error.line})` : error.message);
}

/** Keeps what the code logged before it failed on the error (see CodeSandbox). */
function keepLogs(error: JunctionError, logs: SandboxLog[] | undefined): JunctionError {
  if (logs?.length) Object.assign(error, { logs });
  return error;
}

const timeoutError = (timeoutMs: number) =>
  new JunctionError('code.timeout', `The Code node ran longer than ${timeoutMs.toLocaleString('en-US')} ms and was stopped`);

const memoryError = (memoryMb: number) =>
  new JunctionError('code.memory', `The Code node went over its memory limit of ${memoryMb} MB and was stopped; raise the limit in its settings or work on fewer items at once`);

const abortError = () => new DOMException('The Code node run was cancelled.', 'AbortError');

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new ThreadCrash(false, 'start timed out')), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Resolves like `promise`, or rejects with an AbortError as soon as `signal` fires. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
      (e: unknown) => { signal.removeEventListener('abort', onAbort); reject(e); },
    );
  });
}
