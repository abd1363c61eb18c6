import { describe, expect, it } from 'vitest';
import { openRunStore } from '../store';
import { builtinRegistry } from '../registry';
import { createTriggerHost } from './activation';
import { fakeTimers } from './fake-timers';
import { nextFireTimes, startSchedule } from './schedule';
import type { FlowFile } from '../flow/types';

const T0 = Date.UTC(2026, 2, 28, 23, 59, 50); // just before the night Europe/Berlin moves its clocks

describe('schedules', () => {
  it('lists the next fire times with seconds and a time zone (DST through croner)', () => {
    expect(nextFireTimes('*/20 * * * * *', undefined, T0, 3).map((t) => new Date(t).toISOString()))
      .toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T00:00:20.000Z', '2026-03-29T00:00:40.000Z']);
    // 03:00 Berlin local time: CET (+01) before the switch on 29 March 2026, CEST (+02) after.
    expect(nextFireTimes('0 0 3 * * *', 'Europe/Berlin', T0, 2).map((t) => new Date(t).toISOString()))
      .toEqual(['2026-03-29T01:00:00.000Z', '2026-03-30T01:00:00.000Z']);
    expect(() => nextFireTimes('61 * * * *', undefined, T0, 1)).toThrow();
  });

  it('fires at each instant on an injected clock, and stops', () => {
    const timers = fakeTimers(T0);
    const fired: number[] = [];
    const s = startSchedule('*/10 * * * * *', undefined, timers, (due) => fired.push(due));
    timers.advance(25_000);
    expect(fired.map((t) => new Date(t).toISOString())).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T00:00:10.000Z']);
    s.stop();
    timers.advance(60_000);
    expect(fired).toHaveLength(2);
    expect(timers.pending()).toBe(0);
  });
});

describe('schedule overlap policy', () => {
  const flow = (concurrency: 'queue' | 'skip' | 'parallel'): FlowFile => ({
    format: 'junction/flow@1', id: `f_${concurrency}`, name: concurrency, settings: { concurrency }, pinned: {}, notes: [], edges: [],
    nodes: [{ id: 's', type: 'trigger.schedule', version: 1, name: 'Every 10 s', position: { x: 0, y: 0 }, params: { cron: '*/10 * * * * *' } }],
  });

  /** A host whose runs end only when the test says; returns the runs started so far. */
  function host(policy: 'queue' | 'skip' | 'parallel') {
    const store = openRunStore(':memory:');
    const timers = fakeTimers(T0);
    const started: { input: unknown; end(): void }[] = [];
    const h = createTriggerHost({
      workspace: '/tmp/ws-overlap', types: builtinRegistry(), store, timers, loadFlow: () => flow(policy),
      launch: (_f, how, runId = 'r') => {
        let end!: () => void;
        const done = new Promise<undefined>((r) => { end = () => r(undefined); });
        started.push({ input: how.input[0], end });
        return { runId, done };
      },
    });
    void h.activate(`f_${policy}`);
    return { store, timers, started, h };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('skip: a firing while the run goes is dropped and recorded', () => {
    const { timers, started, store, h } = host('skip');
    timers.advance(10_000);
    timers.advance(10_000);
    expect(started).toHaveLength(1);
    expect(store.triggers.history('f_skip', 1)[0]).toMatchObject({ outcome: 'skipped', kind: 'schedule' });
    expect(h.status('f_skip').nextFireAt).toBe('2026-03-29T00:00:20.000Z');
  });

  it('queue: the firing waits and starts when the run before it ends', async () => {
    const { timers, started } = host('queue');
    timers.advance(20_000);
    expect(started).toHaveLength(1);
    started[0].end();
    await settle();
    expect(started).toHaveLength(2);
    expect(started[1].input).toMatchObject({ scheduledAt: '2026-03-29T00:00:10.000Z' });
  });

  it('parallel: every firing starts at once', () => {
    const { timers, started } = host('parallel');
    timers.advance(20_000);
    expect(started).toHaveLength(2);
  });
});
