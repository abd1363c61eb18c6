import { useEffect, useState } from 'react';
import type { FlowSummary, TriggerStatusDto } from '../../engine/api';
import { useApi } from '../app/api-context';

/** Active flows' trigger status by flow id, fetched again whenever the flow list changes. */
export function useTriggerStatus(flows: readonly FlowSummary[]): Map<string, TriggerStatusDto> {
  const api = useApi();
  const [byId, setById] = useState(new Map<string, TriggerStatusDto>());
  useEffect(() => {
    let isCurrent = true;
    void api.call('triggers.status', {}).then((all) => { if (isCurrent) setById(new Map(all.map((s) => [s.flowId, s]))); }, () => {});
    return () => { isCurrent = false; };
  }, [api, flows]);
  return byId;
}
