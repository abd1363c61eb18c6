/**
 * Collects events and hands them on together, once per animation frame. A 500-node run sends
 * about a thousand node events within a fraction of a second; one store update each made the
 * canvas re-render a thousand times (28 s frozen). Batched, the editor does one update per
 * frame whatever the rate.
 */
export interface EventBatcher<T> {
  push(event: T): void;
  /** Hands on whatever is waiting now (before a state change that must see every event). */
  flush(): void;
}

/** A hidden window gets no animation frames; a timer hands the batch on anyway. */
const FALLBACK_MS = 100;

export function createEventBatcher<T>(apply: (events: T[]) => void): EventBatcher<T> {
  let queue: T[] = [];
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
    frame = timer = undefined;
    if (!queue.length) return;
    const batch = queue;
    queue = [];
    apply(batch);
  };
  return {
    push(event) {
      queue.push(event);
      if (frame !== undefined || timer !== undefined) return;
      if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(flush);
      timer = setTimeout(flush, FALLBACK_MS);
    },
    flush,
  };
}
