/**
 * Cron schedules through croner (seconds field, time zones, DST handled there). Croner computes
 * the fire times; the waiting goes through an injectable timer so tests can drive time.
 */
import { Cron } from 'croner';

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => { const t = setTimeout(fn, ms); t.unref?.(); return t; },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

// setTimeout fires at once past 2^31-1 ms (24.8 days): wait in slices of a day and re-check.
const MAX_WAIT_MS = 86_400_000;

/** The next `count` fire instants (epoch ms) strictly after `fromMs`. */
export function nextFireTimes(cron: string, timezone: string | undefined, fromMs: number, count: number): number[] {
  const job = new Cron(cron, { paused: true, ...(timezone ? { timezone } : {}) });
  try {
    return job.nextRuns(count, new Date(fromMs)).map((d) => d.getTime());
  } finally {
    job.stop();
  }
}

/**
 * Calls `fire(dueMs)` at each fire instant until the returned stop is called. A fire that is
 * late (the process slept) is delivered once, not once per missed instant.
 */
export function startSchedule(cron: string, timezone: string | undefined, timers: Timers, fire: (dueMs: number) => void): { stop(): void; next(): number | undefined } {
  let handle: unknown;
  let due: number | undefined;
  let stopped = false;
  const arm = (fromMs: number) => {
    if (stopped) return;
    due = nextFireTimes(cron, timezone, fromMs, 1)[0];
    if (due === undefined) return;
    wait();
  };
  const wait = () => {
    const at = due!;
    handle = timers.setTimeout(() => {
      if (stopped) return;
      if (timers.now() < at) return wait(); // a day-long slice ended, or the timer ran early
      arm(Math.max(at, timers.now()));
      fire(at);
    }, Math.min(Math.max(0, at - timers.now()), MAX_WAIT_MS));
  };
  arm(timers.now());
  return {
    stop() { stopped = true; timers.clearTimeout(handle); },
    next: () => (stopped ? undefined : due),
  };
}
