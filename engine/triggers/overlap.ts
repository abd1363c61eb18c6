import type { FlowSettings } from '../flow/types';

export type OverlapPolicy = NonNullable<FlowSettings['concurrency']>;

/** A queue longer than this drops further firings: a flow slower than its trigger must not grow memory without end. */
export const MAX_QUEUED = 1_000;

/**
 * What a trigger does while a run of its flow is still going (the flow's `concurrency`
 * setting): `parallel` starts at once, `skip` drops the firing, `queue` starts it when the
 * runs before it have ended, in order.
 */
export function createOverlapGate(policy: () => OverlapPolicy) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) next();
  };
  return {
    get running() { return running; },
    get queued() { return waiting.length; },
    /**
     * Offers a firing. `start` is called when it may run and must return the run's end;
     * answers 'started', 'queued' (starts later) or 'skipped'.
     */
    offer(start: () => Promise<unknown>): 'started' | 'queued' | 'skipped' {
      const go = () => { running++; void start().finally(release); };
      const mode = policy();
      if (running === 0 || mode === 'parallel') { go(); return 'started'; }
      if (mode === 'skip' || waiting.length >= MAX_QUEUED) return 'skipped';
      waiting.push(go);
      return 'queued';
    },
  };
}

export type OverlapGate = ReturnType<typeof createOverlapGate>;
