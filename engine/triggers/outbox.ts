import { randomUUID } from 'node:crypto';
import type { EngineEvent } from '../exec/events';
import type { DeliveryStore } from '../store';

export const SEND_TYPE = 'webhook.send';

interface Planned { url: string; body: string; headers: Record<string, string>; maxAttempts: number; signingConnection?: string }

/**
 * A run observer that queues the deliveries a Send Webhook node planned (its output items)
 * once the node succeeded, then wakes the worker. Each gets an id: the `webhook-id` receivers
 * de-duplicate retries by.
 */
export function outboxObserver(store: DeliveryStore, kick: () => void, now: () => number = Date.now) {
  const flowOf = new Map<string, string>();
  return (e: EngineEvent) => {
    if (e.type === 'run.started') flowOf.set(e.runId, e.flowId);
    else if (e.type === 'run.finished') flowOf.delete(e.runId);
    else if (e.type === 'node.finished' && e.nodeType === SEND_TYPE && e.status === 'success') {
      const items = e.data?.output.main ?? [];
      for (const item of items) {
        const d = (item.json as { delivery?: Planned }).delivery;
        if (!d) continue;
        store.enqueue({ id: `msg_${randomUUID().replaceAll('-', '')}`, flowId: flowOf.get(e.runId) ?? '', runId: e.runId, nodeId: e.nodeId, ...d, nextAt: now() });
      }
      if (items.length) kick();
    }
  };
}
