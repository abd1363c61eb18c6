import type { Timers } from './schedule';

/** Timers driven by the test: `advance(ms)` runs what falls due, in order. */
export function fakeTimers(startMs: number): Timers & { advance(ms: number): void; pending(): number } {
  let now = startMs;
  let seq = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout(fn, ms) { const id = ++seq; due.set(id, { at: now + Math.max(0, ms), fn }); return id; },
    clearTimeout(h) { due.delete(h as number); },
    pending: () => due.size,
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const next = [...due.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!next) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].fn();
      }
      now = end;
    },
  };
}
