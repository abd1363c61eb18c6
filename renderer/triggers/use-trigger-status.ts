import { useEffect, useState } from 'react';
import type { FlowSummary, TriggerStatusDto } from '../../engine/api';
import { useApi } from '../app/api-context';

/** How often the Flows list asks again: triggers fire (and next fire times move) without the list changing. */
const REFRESH_MS = 5_000;

/** Active flows' trigger status by flow id, fetched when the flow list changes and every few seconds. */
export function useTriggerStatus(flows: readonly FlowSummary[]): Map<string, TriggerStatusDto> {
  const api = useApi();
  const [byId, setById] = useState(new Map<string, TriggerStatusDto>());
  useEffect(() => {
    let isCurrent = true;
    const load = () => { void api.call('triggers.status', {}).then((all) => { if (isCurrent) setById(new Map(all.map((s) => [s.flowId, s]))); }, () => {}); };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => { isCurrent = false; clearInterval(timer); };
  }, [api, flows]);
  return byId;
}
