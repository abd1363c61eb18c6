// The entry of every process the engine starts for flow content: one run, or the preview
// server. Each kind loads only its own modules (esbuild splits them into chunks).
import type { WorkerJob } from './protocol';

if (!process.send) throw new Error('this script runs as a worker process of the engine');
process.once('message', (job: WorkerJob) => {
  void (async () => {
    if (job.kind === 'run') await (await import('./run-job')).runJob(job);
    else (await import('./preview-job')).servePreviews();
  })();
});
