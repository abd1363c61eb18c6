// The entry of every process the engine starts for flow content: one run, or the preview
// server (argv[2] says which). Each kind loads only its own modules, at once, so a process
// started ahead of need is ready when its job comes.
import { isMainThread, Worker, workerData } from 'node:worker_threads';

/** How often the watchdog looks for its parent. */
const WATCHDOG_MS = 1000;

if (!isMainThread) {
  // The watchdog thread: when the engine's process is gone (killed, crashed), its deadlines went
  // with it, and the IPC 'disconnect' never reaches a main thread stuck in a loop. This thread
  // still runs, and ends the whole process.
  const { ppid } = workerData as { ppid: number };
  setInterval(() => { if (process.ppid !== ppid) process.kill(process.pid, 'SIGKILL'); }, WATCHDOG_MS);
} else {
  if (!process.send) throw new Error('this script runs as a worker process of the engine');
  new Worker(new URL(import.meta.url), { workerData: { ppid: process.ppid }, resourceLimits: { maxOldGenerationSizeMb: 16 } }).unref();
  process.on('disconnect', () => process.exit(1));
  // Messages that come while the modules load would be dropped without a listener: keep them.
  const early: unknown[] = [];
  const keep = (m: unknown) => { early.push(m); };
  process.on('message', keep);
  const handle = (process.argv[2] === 'preview'
    ? (await import('./preview-job')).previewWorker()
    : (await import('./run-job')).runWorker()) as (m: unknown) => void;
  process.off('message', keep);
  for (const m of early) handle(m);
  process.on('message', handle);
  process.send({ type: 'ready' }); // deadlines count from here: start-up on a busy machine is not the flow's time
}
