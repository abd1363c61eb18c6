import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openResultFiles } from './result-file';
import { openChannel, ThreadCrash, type SandboxThread } from './sandbox-channel';
import type { WorkerReply, WorkerRequest } from './types';

/** How to start a backend's child process: its script and its V8 heap cap. */
export interface ProcessPlan {
  script: URL;
  /** The process's V8 heap cap (old generation); V8 aborts the process beyond it. */
  heapMb: number;
  /** The process's resident memory cap; its watchdog kills it beyond this. */
  rssMb: number;
}

/**
 * Starts one sandbox child process. A process, not a worker thread, because V8 aborts the
 * whole process when one allocation overshoots a worker's heap cap (measured: a guest's
 * 256 MB string against a 176 MB cap took the host down); here it takes down only the child.
 */
export function startSandboxProcess(plan: ProcessPlan, memoryMb: number): SandboxThread {
  const child = fork(fileURLToPath(plan.script), [String(plan.rssMb)], {
    execArgv: [`--max-old-space-size=${plan.heapMb}`],
    // Nothing of the host's environment; Electron's binary runs the script as plain Node.
    env: process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {},
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    serialization: 'advanced', // strings cross as they are, not JSON-escaped a second time
  });
  const files = openResultFiles();
  const { thread, deliver, die } = openChannel(memoryMb, {
    send: (msg) => {
      const req = msg as WorkerRequest & { id: number };
      child.send({ ...req, resultFile: files.pathFor(req.id) });
    },
    hold: (isHeld) => {
      if (isHeld) { child.ref(); child.channel?.ref(); } else { child.unref(); child.channel?.unref(); }
    },
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.ref(); // whoever awaits the stop keeps this process alive until the child is gone
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    }),
  });
  child.on('message', (msg: WorkerReply | { type: 'ready' }) => deliver('type' in msg ? msg : files.take(msg)));
  child.on('error', () => die(new ThreadCrash(false, 'The sandbox process failed')));
  // The folder goes with the process, or with this one when it ends first.
  const removeFiles = () => files.remove();
  process.once('exit', removeFiles);
  // V8 reports running out of heap by aborting; the watchdog (or the OS) kills the process.
  // The host's own kill settles the pending run first, so these signals mean memory.
  child.on('exit', (code, signal) => {
    removeFiles();
    process.off('exit', removeFiles);
    const oom = signal === 'SIGABRT' || signal === 'SIGKILL' || code === 134;
    die(new ThreadCrash(oom, oom ? 'The sandbox process ran out of memory' : 'The sandbox process stopped unexpectedly'));
  });
  return thread;
}
