import type { Clock } from '../sdk';

const abortError = () => Object.assign(new Error('The run was cancelled.'), { name: 'AbortError' });

export const systemClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
      const onAbort = () => { clearTimeout(timer); reject(abortError()); };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** A clock for tests: sleeping advances virtual time at once and is recorded; randomness is fixed. */
export function virtualClock(startMs = Date.UTC(2026, 0, 1), random = 0.5): Clock & { sleeps: number[] } {
  let now = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    random: () => random,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw abortError();
      sleeps.push(ms);
      now += ms;
    },
  };
}

export { abortError };
