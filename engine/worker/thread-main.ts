// The entry of every thread the engine starts for flow content: one run, or the preview
// server. Each kind loads only its own modules (esbuild splits them into chunks).
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerJob } from './protocol';

const job = workerData as WorkerJob;
if (!parentPort) throw new Error('this script runs as a worker thread of the engine');
if (job.kind === 'run') await (await import('./run-job')).runJob(job, parentPort);
else (await import('./preview-job')).servePreviews(parentPort);
