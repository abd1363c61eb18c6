import type { Timers } from './schedule';

/** A poll more often than this would hammer the polled system (and history) for nothing. */
export const MIN_POLL_SECONDS = 1;

/**
 * Calls `tick` at once and then `intervalMs` after each tick has ended, until stopped: a slow
 * poll never overlaps itself (two polls would read the same cursor and fetch the same items).
 */
export function startPoll(intervalMs: number, timers: Timers, tick: () => Promise<void>): { stop(): void; next(): number | undefined } {
  let handle: unknown;
  let due: number | undefined = timers.now();
  let stopped = false;
  const run = () => {
    due = undefined;
    void tick().catch(() => undefined).finally(() => {
      if (stopped) return;
      due = timers.now() + intervalMs;
      handle = timers.setTimeout(run, intervalMs);
    });
  };
  handle = timers.setTimeout(run, 0);
  return {
    stop() { stopped = true; timers.clearTimeout(handle); },
    next: () => (stopped ? undefined : due),
  };
}
