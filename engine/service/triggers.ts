import type { DeadLetterDto, Handlers } from '../api';
import type { Delivery, DeliveryStore } from '../store';
import { JunctionError } from '../sdk/errors';
import type { TriggerHost } from '../triggers/activation';
import type { DeliveryWorker } from '../triggers/delivery-worker';
import { nextFireTimes } from '../triggers/schedule';

type TriggerHandlers = Pick<Handlers, 'flows.activate' | 'flows.deactivate' | 'triggers.status' | 'triggers.nextFires' | 'dlq.list' | 'dlq.get' | 'dlq.replay' | 'dlq.discard'>;

const deadLetter = (d: Delivery, withBody = false): DeadLetterDto => ({
  id: d.id, flowId: d.flowId, runId: d.runId, nodeId: d.nodeId, url: d.url, attempts: d.attempts,
  ...(d.lastError ? { lastError: d.lastError } : {}), createdAt: d.createdAt, failedAt: d.updatedAt, ...(withBody ? { body: d.body } : {}),
});

/** Activation, trigger status, next fire times and the dead-letter list, over the trigger host and the delivery queue. */
export function triggerHandlers({ host, deliveries, worker, now }: { host: TriggerHost; deliveries: DeliveryStore; worker: DeliveryWorker; now: () => number }): TriggerHandlers {
  const dead = (id: string) => {
    const d = deliveries.get(id);
    if (!d || d.status !== 'dead') throw new JunctionError('dlq.not-found', `There is no dead letter "${id}"`, { path: 'id' });
    return d;
  };
  return {
    'flows.activate': async ({ id }) => host.activate(id),
    'flows.deactivate': async ({ id }) => host.deactivate(id),
    'triggers.status': async () => host.statusAll(),
    'triggers.nextFires': async ({ cron, timezone, count = 5 }) => {
      try {
        return { times: nextFireTimes(cron, timezone || undefined, now(), count).map((t) => new Date(t).toISOString()) };
      } catch (e) {
        return { times: [], error: (e as Error).message };
      }
    },
    'dlq.list': async ({ limit }) => deliveries.deadLetters(limit).map((d) => deadLetter(d)),
    'dlq.get': async ({ id }) => deadLetter(dead(id), true),
    'dlq.replay': async ({ id }) => {
      dead(id);
      deliveries.replay(id, now());
      worker.kick();
      return { replayed: true };
    },
    'dlq.discard': async ({ id }) => {
      dead(id);
      deliveries.discard(id);
      return { discarded: true };
    },
  };
}
