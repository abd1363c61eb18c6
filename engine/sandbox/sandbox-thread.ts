import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './types';

/** The worker thread died under a run: out of its V8 heap, or an unexpected exit. */
export class ThreadCrash extends Error {
  constructor(readonly isOutOfMemory: boolean, message: string) {
    super(message);
    this.name = 'ThreadCrash';
  }
}

export interface SandboxThread {
  /** The wasm heap cap this thread was started with. */
  readonly wasmMaxMb: number;
  readonly ready: Promise<void>;
  isAlive(): boolean;
  request(req: WorkerRequest): Promise<WorkerReply>;
  kill(): Promise<void>;
}

// QuickJS's stack check only sees its wasm stack; wasm frames also use this thread's native
// stack, and at Node's 4 MB default a deeply nested native call (String of a nested array)
// overflowed it before QuickJS noticed. 16 MB kept every measured case inside QuickJS.
const THREAD_STACK_MB = 16;

/** Starts one sandbox thread (module load is about 50 ms); it serves one request at a time. */
export function startSandboxThread(wasmMaxMb: number, heapMb: number): SandboxThread {
  const worker = new Worker(new URL('./quickjs-worker.mjs', import.meta.url), {
    workerData: { wasmMaxMb },
    env: {},
    resourceLimits: { stackSizeMb: THREAD_STACK_MB, maxOldGenerationSizeMb: heapMb },
  });
  let alive = true;
  let seq = 0;
  let pending: { id: number; resolve: (r: WorkerReply) => void; reject: (e: Error) => void } | undefined;
  let markReady: () => void = () => {};
  let failStart: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => { markReady = resolve; failStart = reject; });
  ready.catch(() => {}); // a start failure is reported to whoever awaits `ready`

  const die = (crash: ThreadCrash) => {
    alive = false;
    failStart(crash);
    pending?.reject(crash);
    pending = undefined;
  };
  worker.on('message', (msg: WorkerReply | { type: 'ready' }) => {
    if ('type' in msg) { markReady(); if (!pending) worker.unref(); return; }
    if (pending?.id !== msg.id) return;
    const { resolve } = pending;
    pending = undefined;
    worker.unref(); // an idle warm thread must not keep the process alive
    resolve(msg);
  });
  worker.on('error', (e: Error & { code?: string }) => {
    const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
    die(new ThreadCrash(oom, oom ? 'The sandbox thread ran out of memory' : 'The sandbox thread failed'));
  });
  worker.on('exit', () => die(new ThreadCrash(false, 'The sandbox thread stopped unexpectedly')));

  return {
    wasmMaxMb,
    ready,
    isAlive: () => alive,
    request(req) {
      if (!alive) return Promise.reject(new ThreadCrash(false, 'The sandbox thread is gone'));
      if (pending) return Promise.reject(new Error('The sandbox thread is busy')); // callers queue; a bug if reached
      const id = ++seq;
      worker.ref();
      return new Promise((resolve, reject) => {
        pending = { id, resolve, reject };
        worker.postMessage({ id, ...req });
      });
    },
    async kill() {
      die(new ThreadCrash(false, 'The sandbox thread was stopped'));
      await worker.terminate();
    },
  };
}
