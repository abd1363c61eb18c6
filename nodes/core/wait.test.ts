import { describe, expect, it } from 'vitest';
import { runNode, virtualClock } from '../../engine/sdk/testing';
import wait from './wait';

describe('core.wait', () => {
  it('waits a duration on the clock and passes the same items on', async () => {
    const clock = virtualClock();
    const items = [{ json: { n: 1 } }];
    const { outputs: out } = await runNode(wait, { params: { wait: { mode: 'duration', amount: 1.5, unit: 'minutes' } }, items, clock });
    expect(clock.sleeps).toEqual([90_000]);
    expect(out.main).toEqual(items);
    expect(out.main[0]).toBe(items[0]);
  });

  it('waits until a date and time', async () => {
    const clock = virtualClock(Date.UTC(2026, 0, 1, 9, 0, 0));
    await runNode(wait, { params: { wait: { mode: 'until', dateTime: '2026-01-01T09:05:00Z' } }, items: [{}], clock });
    expect(clock.sleeps).toEqual([300_000]);
  });

  it('takes the time from an expression and continues at once for a time in the past', async () => {
    const clock = virtualClock(Date.UTC(2026, 0, 1));
    await runNode(wait, { params: { wait: { mode: 'until', dateTime: '{{ $json.due }}' } }, items: [{ due: '2025-06-01T00:00:00Z' }], clock });
    expect(clock.sleeps).toEqual([]);
  });

  it('accepts a date and time object from an expression', async () => {
    const clock = virtualClock(Date.UTC(2026, 0, 1));
    await runNode(wait, { params: { wait: { mode: 'until', dateTime: '{{ $now.plus({ minutes: 5 }) }}' } }, items: [{}], clock });
    expect(clock.sleeps).toEqual([300_000]);
  });

  it('fails clearly for a date it cannot read', async () => {
    await expect(runNode(wait, { params: { wait: { mode: 'until', dateTime: 'next tuesday' } }, items: [{}] }))
      .rejects.toMatchObject({ code: 'param.invalid', path: 'params.wait.dateTime', message: expect.stringContaining('is not a date and time') });
  });

  it('refuses to wait more than 7 days', async () => {
    await expect(runNode(wait, { params: { wait: { mode: 'duration', amount: 200, unit: 'hours' } }, items: [{}] }))
      .rejects.toMatchObject({ code: 'param.range', path: 'params.wait.amount' });
  });
});

