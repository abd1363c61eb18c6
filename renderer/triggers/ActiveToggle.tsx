import { useEffect, useState } from 'react';
import { useApi } from '../app/api-context';
import { useEditor } from '../state/use-editor';
import { errorText, toast } from '../state/toast-store';

/**
 * The editor's "Active" switch (as in n8n): an active flow's triggers (schedules, webhooks,
 * polls, event listeners) are live while the app, `junction serve` or `junction start` runs. The engine refuses with the
 * reason (no trigger, problems, a taken webhook path), shown as a toast.
 */
export function ActiveToggle() {
  const api = useApi();
  const flowId = useEditor((s) => s.flow.id);
  const [isActive, setActive] = useState<boolean | undefined>();
  const [isBusy, setBusy] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    void api.call('triggers.status', {}).then((all) => { if (isCurrent) setActive(all.some((s) => s.flowId === flowId)); }, () => {});
    return () => { isCurrent = false; };
  }, [api, flowId]);
  const flip = async () => {
    setBusy(true);
    try {
      const status = await api.call(isActive ? 'flows.deactivate' : 'flows.activate', { id: flowId });
      setActive(status.isActive);
      if (status.isActive) toast('success', status.nextFireAt ? `Active — next run ${new Date(status.nextFireAt).toLocaleString()}` : 'Active — its triggers are live');
    } catch (e) {
      toast('error', `Could not ${isActive ? 'deactivate' : 'activate'}: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <label className="active-toggle" title="Active flows run from their triggers: schedules, webhooks, polls and events (save first: the saved flow is what runs)">
      <input type="checkbox" role="switch" data-testid="flow-active" checked={!!isActive} disabled={isActive === undefined || isBusy} onChange={() => void flip()} />
      {isActive ? 'Active' : 'Inactive'}
    </label>
  );
}
