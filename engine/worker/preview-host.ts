import { Worker } from 'node:worker_threads';
import { JunctionError } from '../sdk/errors';
import { formatMb, PREVIEW_DEADLINE_MS, PREVIEW_MEMORY_MB } from './limits';
import type { FromPreviewThread, PreviewData, ToPreviewThread } from './protocol';
import { workerScript } from './worker-script';

type Request = ToPreviewThread extends infer R ? (R extends ToPreviewThread ? Omit<R, 'id' | 'data'> : never) : never;

export type PreviewHost = ReturnType<typeof createPreviewHost>;

/**
 * One warm thread for expression previews and field paths, one request at a time, each with a
 * short deadline. A request that overruns it (or the thread's heap cap) terminates the thread and
 * fails alone; the next request starts a fresh thread. The thread keeps the run data it was last
 * sent, so data crosses once per run, not once per keystroke.
 */
export function createPreviewHost(opts: { deadlineMs?: number; memoryMb?: number } = {}) {
  const deadlineMs = opts.deadlineMs ?? PREVIEW_DEADLINE_MS;
  const memoryMb = opts.memoryMb ?? PREVIEW_MEMORY_MB;
  let thread: { worker: Worker; dataKey?: string; fail(e: Error): void } | undefined;
  let seq = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const startThread = () => {
    const worker = new Worker(workerScript(), { workerData: { kind: 'preview' }, resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
    worker.unref(); // an idle preview thread must not keep the process alive
    const t = { worker, dataKey: undefined as string | undefined, fail: (_: Error) => {} };
    const gone = (e: Error) => { if (thread === t) thread = undefined; t.fail(e); };
    worker.on('error', (e: Error & { code?: string }) => gone(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new JunctionError('expr.memory', `The preview used more than ${formatMb(memoryMb)} of memory and was stopped`)
      : new JunctionError('expr.thread', `The preview stopped unexpectedly: ${e.message}`)));
    worker.on('exit', () => gone(new JunctionError('expr.thread', 'The preview stopped unexpectedly')));
    return t;
  };

  function send<T>(request: Request, data: { key: string; get(): PreviewData }): Promise<T> {
    const t = (thread ??= startThread());
    const id = ++seq;
    const isNewData = t.dataKey !== data.key;
    const message = { ...request, id, ...(isNewData ? { data: data.get() } : {}) } as ToPreviewThread;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (thread === t) thread = undefined;
        void t.worker.terminate();
        reject(new JunctionError('expr.timeout', `The expression took longer than ${deadlineMs / 1000} s and was stopped`));
      }, deadlineMs);
      const done = () => { clearTimeout(timer); t.worker.off('message', onMessage); t.worker.unref(); };
      t.fail = (e) => { done(); reject(e); };
      const onMessage = (m: FromPreviewThread) => {
        if (m.id !== id) return;
        done();
        if (m.ok) resolve(m.value as T);
        else reject(new JunctionError(m.error.code, m.error.message, { path: m.error.path }));
      };
      t.worker.on('message', onMessage);
      t.worker.ref();
      t.worker.postMessage(message);
      if (isNewData) t.dataKey = data.key;
    });
  }

  return {
    /** Runs `request` in the preview thread after the ones before it; `data` is sent only when the thread holds other data. */
    ask<T>(request: Request, data: { key: string; get(): PreviewData }): Promise<T> {
      const next = queue.then(() => send<T>(request, data));
      queue = next.catch(() => {});
      return next;
    },
    async close() {
      const t = thread;
      thread = undefined;
      if (t) await t.worker.terminate();
    },
  };
}
