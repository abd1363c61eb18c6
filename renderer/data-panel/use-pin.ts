/**
 * "Pin output as test data": copies the node's output items from the run into the flow, so
 * later runs use them instead of running the node. Pins live in the flow file, so they are
 * capped; pinning a longer output asks first.
 */
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import type { Json } from './columns';
import { PAGE_SIZE } from './use-item-pages';

export const PIN_CAP = 1000;

export interface PinTarget { api: ApiClient; runId: string; nodeId: string; port: string; total: number }

/** The node's output items on `port` from the run, up to the pin cap. */
export async function loadOutputItems(target: PinTarget): Promise<Json[]> {
  const want = Math.min(target.total, PIN_CAP);
  const items: Json[] = [];
  while (items.length < want) {
    const page = await target.api.call('runs.items', {
      runId: target.runId, nodeId: target.nodeId, direction: 'output', port: target.port, offset: items.length, limit: Math.min(PAGE_SIZE, want - items.length),
    });
    if (!page.items.length) break;
    items.push(...page.items);
  }
  return items;
}

export function usePin(target: PinTarget | undefined, onPin: (items: Json[]) => void) {
  const [phase, setPhase] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [error, setError] = useState<string>();

  const pin = async () => {
    if (!target) return;
    setPhase('busy');
    setError(undefined);
    try {
      onPin(await loadOutputItems(target));
    } catch (e) {
      setError(`Could not pin the output: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setPhase('idle');
    }
  };

  return {
    phase,
    error,
    /** Pins at once, or asks first when the output is longer than the cap. */
    start: () => (target && target.total > PIN_CAP ? setPhase('confirm') : void pin()),
    confirm: () => void pin(),
    cancel: () => setPhase('idle'),
  };
}
