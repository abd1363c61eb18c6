import { defineNode, p } from '../../engine/sdk';
import { toTime } from './values';

const UNIT_MS = { ms: 1, seconds: 1_000, minutes: 60_000, hours: 3_600_000 } as const;
// A run that waits holds its items in memory and its process open; a week is plenty for a
// desktop app, and it stays far below setTimeout's 24.8-day limit, past which timers fire at once.
const MAX_WAIT_MS = 7 * 24 * 3_600_000;

export default defineNode({
  type: 'core.wait', version: 1,
  title: 'Wait', category: 'flow', icon: 'hourglass',
  description: 'Pauses the flow for a while, or until a point in time, then passes the items on unchanged.',
  inputs: ['main'], outputs: ['main'],
  // Collects: one wait per run, not one per batch.
  params: p.object({
    wait: p.variant('mode', {
      duration: {
        amount: p.number().min(0).default(1).describe('How long to wait.'),
        unit: p.select(['ms', 'seconds', 'minutes', 'hours']).default('seconds').literal(),
      },
      until: {
        dateTime: p.value().required().describe(
          'When to continue: an ISO date and time such as 2026-03-01T09:00:00Z, or an expression such as {{ $now.plus({ minutes: 5 }) }}. A time in the past continues at once.',
        ),
      },
    }).default({ mode: 'duration', amount: 1, unit: 'seconds' }).describe('Wait for a duration, or until a date and time (at most 7 days ahead).'),
  }),
  async execute(ctx) {
    const wait = ctx.params.wait;
    let ms: number;
    if (wait.mode === 'duration') ms = Math.round(wait.amount * UNIT_MS[wait.unit]);
    else {
      const at = typeof wait.dateTime === 'number' ? wait.dateTime : toTime(wait.dateTime);
      if (at === undefined || !Number.isFinite(at)) {
        return ctx.fail(`${(JSON.stringify(wait.dateTime) ?? 'undefined').slice(0, 80)} is not a date and time; use ISO 8601 such as 2026-03-01T09:00:00Z`, {
          code: 'param.invalid', path: 'params.wait.dateTime',
        });
      }
      ms = at - ctx.clock.now();
    }
    if (ms > MAX_WAIT_MS) {
      ctx.fail(`would wait ${(ms / 3_600_000).toFixed(1)} hours; a Wait node waits at most 7 days`, {
        code: 'param.range', path: wait.mode === 'duration' ? 'params.wait.amount' : 'params.wait.dateTime',
      });
    }
    if (ms > 0) await ctx.clock.sleep(ms, ctx.signal);
    return { main: ctx.items };
  },
});
