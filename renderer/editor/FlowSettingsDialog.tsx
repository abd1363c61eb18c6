/**
 * The flow's own settings (the flow file's `settings`): which flow runs when this one fails,
 * its time zone, how long a run may take, what a trigger does while a run is going; and
 * whether its Code is trusted (a workspace setting kept outside the file, so it is applied at once).
 */
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FlowSummary } from '../../engine/api';
import type { FlowSettings } from '../../engine/flow/types';
import { useApi } from '../app/api-context';
import { Dialog } from '../app/Dialog';
import { useEditor } from '../state/use-editor';
import { errorText } from '../state/toast-store';

const CONCURRENCY: { value: NonNullable<FlowSettings['concurrency']>; label: string }[] = [
  { value: 'queue', label: 'Wait for it to finish, then run' },
  { value: 'skip', label: 'Skip the new run' },
  { value: 'parallel', label: 'Run at the same time' },
];

const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function FlowSettingsDialog({ onClose }: { onClose(): void }) {
  const api = useApi();
  const { flow, commit, readOnly } = useEditor(useShallow((s) => ({ flow: s.flow, commit: s.commit, readOnly: s.readOnly })));
  const [flows, setFlows] = useState<FlowSummary[]>();
  const [trusted, setTrusted] = useState<boolean>();
  const [trustError, setTrustError] = useState<string>();
  const [zone, setZone] = useState(flow.settings.timezone ?? '');
  useEffect(() => {
    api.call('flows.list', {}).then((list) => {
      setFlows(list);
      setTrusted(list.find((f) => f.id === flow.id)?.trusted);
    }, () => setFlows([]));
  }, [api, flow.id]);

  const settings = flow.settings;
  const set = (patch: Partial<FlowSettings>) => {
    const next: FlowSettings = { ...settings, ...patch };
    for (const k of Object.keys(next) as (keyof FlowSettings)[]) if (next[k] === undefined) delete next[k];
    commit({ ...flow, settings: next }, `settings:${Object.keys(patch).join()}`);
  };
  const others = useMemo(() => (flows ?? []).filter((f) => f.id !== flow.id), [flows, flow.id]);
  const errorFlow = settings.errorFlow ?? '';
  const isMissing = errorFlow !== '' && flows !== undefined && !others.some((f) => f.id === errorFlow);
  const isZoneKnown = zone === '' || ZONES.includes(zone);
  const seconds = settings.timeoutMs !== undefined ? String(settings.timeoutMs / 1000) : '';

  const changeTrust = (next: boolean) => {
    setTrustError(undefined);
    setTrusted(next); // shown at once; put back if the engine refuses
    api.call('flows.trust', { id: flow.id, trusted: next }).then((r) => setTrusted(r.trusted), (e) => { setTrusted(!next); setTrustError(errorText(e)); });
  };

  return (
    <Dialog title="Flow settings" onClose={onClose} testId="flow-settings" footer={<button type="button" className="btn btn-primary" onClick={onClose}>Done</button>}>
      <fieldset className="fs-form" disabled={readOnly}>
        <label className="fs-label" htmlFor="fs-error-flow">When a run fails, run</label>
        <select id="fs-error-flow" className="select" data-testid="fs-error-flow" value={errorFlow}
          onChange={(e) => set({ errorFlow: e.target.value || undefined })}>
          <option value="">No error flow</option>
          {isMissing && <option value={errorFlow}>A flow that no longer exists ({errorFlow})</option>}
          {others.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
        </select>
        <p className="fs-help">That flow receives which flow failed, its run and the error.</p>

        <label className="fs-label" htmlFor="fs-timezone">Time zone</label>
        <input id="fs-timezone" className="input" list="fs-zones" data-testid="fs-timezone" value={zone} placeholder={`${localZone} (this computer)`}
          aria-invalid={!isZoneKnown || undefined} aria-describedby="fs-timezone-help"
          onChange={(e) => {
            setZone(e.target.value);
            if (e.target.value === '' || ZONES.includes(e.target.value)) set({ timezone: e.target.value || undefined });
          }} />
        <datalist id="fs-zones">{ZONES.map((z) => <option key={z} value={z} />)}</datalist>
        <p className="fs-help" id="fs-timezone-help" role={isZoneKnown ? undefined : 'alert'}>
          {isZoneKnown ? 'Used by dates in expressions and by schedules.' : `“${zone}” is not a time zone; pick one from the list, such as Europe/Berlin.`}
        </p>

        <label className="fs-label" htmlFor="fs-timeout">Stop a run after</label>
        <span className="fs-inline">
          <input id="fs-timeout" className="input fs-number" type="number" min={1} step={1} data-testid="fs-timeout" value={seconds} placeholder="no limit"
            onChange={(e) => {
              const n = Number(e.target.value);
              set({ timeoutMs: e.target.value === '' || !(n > 0) ? undefined : Math.round(n * 1000) });
            }} />
          seconds
        </span>
        <p className="fs-help">Empty: a run takes as long as it needs.</p>

        <label className="fs-label" htmlFor="fs-concurrency">When a trigger fires during a run</label>
        <select id="fs-concurrency" className="select" data-testid="fs-concurrency" value={settings.concurrency ?? 'queue'}
          onChange={(e) => set({ concurrency: e.target.value as FlowSettings['concurrency'] })}>
          {CONCURRENCY.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      </fieldset>

      <div className="fs-trust">
        <label className="check">
          <input type="checkbox" role="switch" data-testid="fs-trust" checked={trusted === true} disabled={trusted === undefined}
            onChange={(e) => changeTrust(e.target.checked)} />
          Trust this flow's Code
        </label>
        <p className="fs-help">Trusted Code runs on the faster backend with one isolation layer instead of two; trust only flows you wrote or checked.</p>
        {trustError && <p className="dialog-error" role="alert">{trustError}</p>}
      </div>
    </Dialog>
  );
}
