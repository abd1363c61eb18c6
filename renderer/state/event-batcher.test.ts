import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventBatcher } from './event-batcher';

describe('createEventBatcher', () => {
  let frames: (() => void)[] = [];
  beforeEach(() => {
    frames = [];
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (fn: () => void) => frames.push(fn));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); });

  it('hands a burst of events on in one call at the next frame', () => {
    const batches: number[][] = [];
    const b = createEventBatcher<number>((events) => batches.push(events));
    for (let i = 0; i < 1000; i++) b.push(i);
    expect(batches).toEqual([]);
    expect(frames).toHaveLength(1);
    frames[0]();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(1000);
    b.push(1000);
    expect(frames).toHaveLength(2);
  });

  it('flushes on a timer when no frame comes (hidden window), and on demand', () => {
    const batches: string[][] = [];
    const b = createEventBatcher<string>((events) => batches.push(events));
    b.push('a');
    vi.advanceTimersByTime(100);
    expect(batches).toEqual([['a']]);
    b.push('b');
    b.flush();
    b.flush();
    expect(batches).toEqual([['a'], ['b']]);
  });
});
