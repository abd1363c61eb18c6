import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerKind } from './protocol';
import { workerScript } from './worker-script';

/**
 * The young generation's semi-space of a run's process. A streamed run makes garbage batch by
 * batch; with V8's default for a 2 GB heap, much of it is promoted and old space grows lazily:
 * 3,000,000 items streamed through Edit Fields and Filter peaked at 320–327 MB RSS, with 16 MB
 * at 177–192 MB at the same speed; a collected 1,000,000-item run peaked at 469 MB instead of 558 MB.
 */
const RUN_SEMI_SPACE_MB = 16;

/** How much of a worker's stderr is kept to tell why it died (V8 prints "heap out of memory" there). */
const STDERR_TAIL_CHARS = 8192;

export interface WorkerExit {
  isOutOfMemory: boolean;
  /** The exit code or signal, and the last line the process printed, for a person to read. */
  detail: string;
}

export interface WorkerProcess {
  isAlive(): boolean;
  send(message: unknown): void;
  /** Listens to the process's messages; returns the unsubscribe (a reused process serves several runs). */
  onMessage(listener: (message: never) => void): () => void;
  /** Whether the process keeps the engine's process alive (busy) or not (idle). */
  hold(isBusy: boolean): void;
  kill(): void;
  readonly exited: Promise<WorkerExit>;
}

/**
 * Starts a process for flow content, with V8's heap capped at `memoryMb`. A process, not a
 * worker thread: V8 ends the whole process when one allocation overshoots the heap limit
 * (a 360 MB string does; a worker thread's limit only stretches by 16 MB), and that must
 * end the run, never the engine. It loads the modules of its `kind` at once, so a process
 * started ahead of need is ready when its job comes. Messages cross as structured clones.
 */
export function spawnWorker(kind: WorkerKind, memoryMb: number): WorkerProcess {
  const child = fork(fileURLToPath(workerScript()), [kind], {
    execArgv: [`--max-old-space-size=${memoryMb}`, ...(kind === 'run' ? [`--max-semi-space-size=${RUN_SEMI_SPACE_MB}`] : [])],
    serialization: 'advanced',
    // Not the caller's stdout: a process waiting for its job must not hold a pipe someone reads to the end.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // Inside Electron, execPath is the app itself: this makes it behave as plain Node.
    env: process.versions.electron ? { ...process.env, ELECTRON_RUN_AS_NODE: '1' } : process.env,
  });
  let tail = '';
  let isAlive = true;
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => { tail = (tail + chunk).slice(-STDERR_TAIL_CHARS); });
  const exited = new Promise<WorkerExit>((resolve) => {
    const done = (code: number | null, signal: NodeJS.Signals | null) => {
      isAlive = false;
      const isOutOfMemory = /heap out of memory|Reached heap limit|Allocation failed/i.test(tail);
      const last = tail.trim().split('\n').filter((l) => l.trim() && !/^\s*\d+: 0x/.test(l)).pop() ?? '';
      resolve({ isOutOfMemory, detail: `${signal ?? `exit code ${code}`}${last ? `: ${last.trim()}` : ''}` });
    };
    child.once('close', done); // after the last message: 'exit' may come before it
    child.once('error', () => done(null, null));
  });
  child.on('error', () => {}); // reported through `exited`
  return {
    isAlive: () => isAlive,
    send: (message) => { if (child.connected) child.send(message as never); },
    onMessage: (listener) => {
      child.on('message', listener as (m: unknown) => void);
      return () => { child.off('message', listener as (m: unknown) => void); };
    },
    hold(isBusy) {
      if (isBusy) { child.ref(); child.channel?.ref(); } else { child.unref(); child.channel?.unref(); }
    },
    kill: () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); },
    exited,
  };
}
