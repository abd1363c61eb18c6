import { availableParallelism } from 'node:os';
import { spawnWorker, type WorkerProcess } from './worker-process';

/** Runs a shared process serves before it is retired (its heap must not grow for ever; a new one costs 0.1–0.4 s). */
export const MAX_SHARED_RUNS_PER_PROCESS = 20_000;

/** How many shared processes triggered runs spread over: one per core, at least 2, at most 4. */
export const sharedProcesses = () => Math.max(2, Math.min(4, availableParallelism()));

interface Slot { worker: WorkerProcess; load: number; served: number }

/**
 * Warm processes that each carry several triggered runs at once (a webhook under load must not
 * pay a process per call): a run goes to the least busy one, a new one starts while every
 * process is busy and the pool may grow. A process that served MAX_SHARED_RUNS_PER_PROCESS runs takes
 * no more and ends with its last run; one ended by a run's limit or cancel is never reused,
 * and the runs it carried end with it (that is the price of sharing, paid only by triggered runs).
 */
export function createSharedPool(memoryMb: number, size = sharedProcesses()) {
  const slots = new Map<WorkerProcess, Slot>();
  const pool: Slot[] = [];
  const leave = (slot: Slot) => { const i = pool.indexOf(slot); if (i >= 0) pool.splice(i, 1); };
  return {
    take(): WorkerProcess {
      for (const s of [...pool]) if (!s.worker.isAlive()) leave(s);
      let slot = pool.reduce<Slot | undefined>((best, s) => (!best || s.load < best.load ? s : best), undefined);
      if (!slot || (slot.load > 0 && pool.length < size)) {
        slot = { worker: spawnWorker('run', memoryMb), load: 0, served: 0 };
        slots.set(slot.worker, slot);
        pool.push(slot);
      }
      slot.load++;
      if (++slot.served >= MAX_SHARED_RUNS_PER_PROCESS) leave(slot);
      slot.worker.hold(true);
      return slot.worker;
    },
    /** A run ended; `isClean` when it ended by itself (its process may serve others). */
    release(worker: WorkerProcess, isClean: boolean) {
      const slot = slots.get(worker);
      if (!slot) return;
      slot.load--;
      if (!isClean) { leave(slot); worker.kill(); }
      if (slot.load > 0) return;
      if (!pool.includes(slot)) { slots.delete(worker); worker.kill(); } else worker.hold(false);
    },
    close() { for (const w of slots.keys()) w.kill(); slots.clear(); pool.length = 0; },
  };
}
