import { JunctionError } from '../sdk/errors';
import { formatMb, PREVIEW_DEADLINE_MS, PREVIEW_MEMORY_MB } from './limits';
import type { FromPreviewWorker, PreviewData, ToPreviewWorker } from './protocol';
import { spawnWorker, type WorkerProcess } from './worker-process';

type Request = ToPreviewWorker extends infer R ? (R extends ToPreviewWorker ? Omit<R, 'id' | 'data'> : never) : never;

export type PreviewHost = ReturnType<typeof createPreviewHost>;

/**
 * One warm worker process for expression previews and field paths, one request at a time,
 * each with a short deadline. A request that overruns it (or the heap cap) kills the process
 * and fails alone; the next request starts a fresh one. The process keeps the run data it was
 * last sent, so data crosses once per run, not once per keystroke.
 */
export function createPreviewHost(opts: { deadlineMs?: number; memoryMb?: number } = {}) {
  const deadlineMs = opts.deadlineMs ?? PREVIEW_DEADLINE_MS;
  const memoryMb = opts.memoryMb ?? PREVIEW_MEMORY_MB;
  /** The live process, the data it holds, and how to end the request in flight. */
  let current: { worker: WorkerProcess; dataKey?: string; fail(e: Error): void; reply(m: FromPreviewWorker): void } | undefined;
  let seq = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const start = () => {
    const worker = spawnWorker({ kind: 'preview' }, memoryMb);
    worker.hold(false); // an idle preview process must not keep the engine alive
    const w = { worker, dataKey: undefined as string | undefined, fail: (_: Error) => {}, reply: (_: FromPreviewWorker) => {} };
    void worker.exited.then(({ isOutOfMemory, detail }) => {
      if (current === w) current = undefined;
      w.fail(isOutOfMemory
        ? new JunctionError('expr.memory', `The preview used more than ${formatMb(memoryMb)} of memory and was stopped`)
        : new JunctionError('expr.process', `The preview stopped unexpectedly (${detail})`));
    });
    worker.onMessage((m: FromPreviewWorker) => w.reply(m));
    return w;
  };

  function send<T>(request: Request, data: { key: string; get(): PreviewData }): Promise<T> {
    const w = (current ??= start());
    const id = ++seq;
    const isNewData = w.dataKey !== data.key;
    const message = { ...request, id, ...(isNewData ? { data: data.get() } : {}) } as ToPreviewWorker;
    return new Promise<T>((resolve, reject) => {
      const finish = () => { clearTimeout(timer); w.fail = () => {}; w.reply = () => {}; w.worker.hold(false); };
      const timer = setTimeout(() => {
        finish();
        if (current === w) current = undefined;
        w.worker.kill();
        reject(new JunctionError('expr.timeout', `The expression took longer than ${deadlineMs / 1000} s and was stopped`));
      }, deadlineMs);
      w.fail = (e) => { finish(); reject(e); };
      w.reply = (m) => {
        if (m.id !== id) return;
        finish();
        if (m.ok) resolve(m.value as T);
        else reject(new JunctionError(m.error.code, m.error.message, { path: m.error.path }));
      };
      w.worker.hold(true);
      w.worker.send(message);
      if (isNewData) w.dataKey = data.key;
    });
  }

  return {
    /** Runs `request` in the preview process after the ones before it; `data` is sent only when the process holds other data. */
    ask<T>(request: Request, data: { key: string; get(): PreviewData }): Promise<T> {
      const next = queue.then(() => send<T>(request, data));
      queue = next.catch(() => {});
      return next;
    },
    async close() {
      const w = current;
      current = undefined;
      if (!w) return;
      w.worker.kill();
      await w.worker.exited;
    },
  };
}
