import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openChannel, ThreadCrash, type SandboxThread } from './sandbox-channel';

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
  const { thread, deliver, die } = openChannel(memoryMb, {
    send: (msg) => child.send(msg as never),
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
  child.on('message', deliver);
  child.on('error', () => die(new ThreadCrash(false, 'The sandbox process failed')));
  // V8 reports running out of heap by aborting; the watchdog (or the OS) kills the process.
  // The host's own kill settles the pending run first, so these signals mean memory.
  child.on('exit', (code, signal) => {
    const oom = signal === 'SIGABRT' || signal === 'SIGKILL' || code === 134;
    die(new ThreadCrash(oom, oom ? 'The sandbox process ran out of memory' : 'The sandbox process stopped unexpectedly'));
  });
  return thread;
}
