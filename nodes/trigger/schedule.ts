import { Cron } from 'croner';
import { defineNode, p } from '../../engine/sdk';

/** A cron pattern croner understands (5 or 6 fields, seconds first), or its error message. */
export function cronProblem(pattern: string, timezone?: string): string | undefined {
  try {
    new Cron(pattern, { paused: true, ...(timezone ? { timezone } : {}) }).stop();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

export default defineNode({
  type: 'trigger.schedule', version: 1,
  title: 'Schedule', category: 'trigger', icon: 'clock',
  description: 'Starts the flow on a cron schedule (seconds allowed, in a time zone) while the flow is active. The item holds when it was due and when it fired.',
  isTrigger: true,
  inputs: [], outputs: ['main'],
  params: p.object({
    cron: p.string().required().literal().placeholder('0 */15 * * * *').describe('Cron pattern: 5 fields (minute first) or 6 (second first), e.g. "0 */15 * * * *" every 15 minutes.'),
    timezone: p.string().literal().placeholder('Europe/Berlin').describe('IANA time zone; the flow\'s time zone, else the machine\'s, when empty.'),
  }),
  check(params) {
    const problem = params.cron ? cronProblem(params.cron, params.timezone || undefined) : undefined;
    return problem ? [{ path: 'params.cron', code: 'param.invalid', message: problem }] : [];
  },
  execute: (ctx) => ({ main: ctx.items }),
});
