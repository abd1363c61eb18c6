import { JunctionError } from '../sdk/errors';
import { formatMb, PREVIEW_DEADLINE_MS, PREVIEW_MEMORY_MB, START_DEADLINE_MS } from './limits';
import type { FromPreviewWorker, PreviewData, PreviewReply, ToPreviewWorker } from './protocol';
import { spawnWorker, type WorkerProcess } from './worker-process';

type Request = Exclude<ToPreviewWorker, { type: 'data' }> extends infer R ? (R extends ToPreviewWorker ? Omit<R, 'id'> : never) : never;

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
  let current: { worker: WorkerProcess; ready: Promise<void>; dataKey?: string; fail(e: Error): void; reply(m: PreviewReply): void } | undefined;
  let seq = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const start = () => {
    const worker = spawnWorker('preview', memoryMb);
    worker.hold(false); // an idle preview process must not keep the engine alive
    let markReady = () => {};
    const ready = new Promise<void>((resolve) => { markReady = resolve; });
    const w = { worker, ready, dataKey: undefined as string | undefined, fail: (_: Error) => {}, reply: (_: PreviewReply) => {} };
    void worker.exited.then(({ isOutOfMemory, detail }) => {
      if (current === w) current = undefined;
      w.fail(isOutOfMemory
        ? new JunctionError('expr.memory', `The preview used more than ${formatMb(memoryMb)} of memory and was stopped`)
        : new JunctionError('expr.process', `The preview stopped unexpectedly (${detail})`));
    });
    worker.onMessage((m: FromPreviewWorker) => { if ('type' in m) markReady(); else w.reply(m); });
    return w;
  };

  async function send<T>(request: Request, data: { key: string; get(): PreviewData }): Promise<T> {
    const w = (current ??= start());
    // The deadline is the expression's: a process that is still starting (a busy machine) is waited for.
    w.worker.hold(true);
    await Promise.race([w.ready, w.worker.exited]);
    if (current !== w) throw new JunctionError('expr.process', 'The preview process stopped while starting');
    if (w.dataKey !== data.key) {
      // Run data crosses once, on a deadline of its own: copying 100,000 items is not the expression's time.
      await exchange<null>(w, { type: 'data', data: data.get() }, START_DEADLINE_MS, 'The run data took too long to reach the preview process');
      w.dataKey = data.key;
    }
    return exchange<T>(w, request, deadlineMs, `The expression took longer than ${deadlineMs / 1000} s and was stopped`);
  }

  /** Sends one message and waits for its reply; past `timeoutMs` the process is killed and `late` is the error. */
  function exchange<T>(w: NonNullable<typeof current>, request: Request | { type: 'data'; data: PreviewData }, timeoutMs: number, late: string): Promise<T> {
    const id = ++seq;
    return new Promise<T>((resolve, reject) => {
      const finish = () => { clearTimeout(timer); w.fail = () => {}; w.reply = () => {}; w.worker.hold(false); };
      const timer = setTimeout(() => {
        finish();
        if (current === w) current = undefined;
        w.worker.kill();
        reject(new JunctionError('expr.timeout', late));
      }, timeoutMs);
      w.fail = (e) => { finish(); reject(e); };
      w.reply = (m) => {
        if (m.id !== id) return;
        finish();
        if (m.ok) resolve(m.value as T);
        else reject(new JunctionError(m.error.code, m.error.message, { path: m.error.path }));
      };
      w.worker.hold(true);
      w.worker.send({ ...request, id } as ToPreviewWorker);
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
