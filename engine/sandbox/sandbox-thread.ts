import { Worker } from 'node:worker_threads';
import { openChannel, ThreadCrash, type SandboxThread } from './sandbox-channel';

/** How to start a backend's worker thread: its script, what it is told, and its V8 caps. */
export interface ThreadPlan {
  script: URL;
  workerData: unknown;
  /** The thread's V8 heap cap (old generation); exceeding it ends the thread. */
  heapMb: number;
  stackMb: number;
}

/** Starts one sandbox worker thread. */
export function startSandboxThread(plan: ThreadPlan, memoryMb: number): SandboxThread {
  const worker = new Worker(plan.script, {
    workerData: plan.workerData,
    env: {},
    resourceLimits: { stackSizeMb: plan.stackMb, maxOldGenerationSizeMb: plan.heapMb },
  });
  const { thread, deliver, die } = openChannel(memoryMb, {
    send: (msg) => worker.postMessage(msg),
    hold: (isHeld) => (isHeld ? worker.ref() : worker.unref()),
    stop: async () => { await worker.terminate(); },
  });
  worker.on('message', deliver);
  worker.on('error', (e: Error & { code?: string }) => {
    const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
    die(new ThreadCrash(oom, oom ? 'The sandbox thread ran out of memory' : 'The sandbox thread failed'));
  });
  worker.on('exit', () => die(new ThreadCrash(false, 'The sandbox thread stopped unexpectedly')));
  return thread;
}
