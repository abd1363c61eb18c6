/**
 * Per-node settings the engine applies around any node: name, retries, timeout, what an error
 * does, disabled, notes. Drawn with the same field components as params, from a schema.
 */
import type { FieldSpec, Problem } from '../../engine/sdk/schema';
import type { FlowFile, FlowNode, NodeSettings } from '../../engine/flow/types';
import { asObject, withKey } from './form-model';
import { Field } from './fields/Field';
import { ObjectFields } from './fields/ObjectControl';
import { InspectorEnvContext, useInspectorEnv } from './inspector-env';

const ms = (label: string, description: string, extra: Partial<FieldSpec> = {}): FieldSpec =>
  ({ kind: 'number', literal: true, int: true, min: 0, label, description, ...extra });

const RETRY_FIELDS: Record<string, FieldSpec> = {
  attempts: { kind: 'number', literal: true, int: true, min: 1, max: 20, required: true, description: 'Tries in all, the first one included.' },
  backoff: { kind: 'select', literal: true, options: ['exponential', 'fixed'], default: 'exponential', description: 'Exponential doubles the wait after each try.' },
  delayMs: ms('Delay (ms)', 'Wait before the second try.', { default: 1000 }),
  maxDelayMs: ms('Longest delay (ms)', 'Exponential waits never grow past this.', { default: 60_000, showWhen: { backoff: ['exponential'] } }),
};
const NEW_RETRY = { attempts: 3, backoff: 'exponential', delayMs: 1000 };

const NAME: FieldSpec = { kind: 'string', literal: true, required: true, description: 'Expressions in other nodes refer to this node by name: $(\'Name\').' };
const RETRY_ON: FieldSpec = { kind: 'boolean', literal: true, label: 'Retry on failure', description: 'Try again when the node fails with an error a retry can fix (timeouts, 429, 5xx).' };
const TIMEOUT = ms('Timeout (ms)', 'Stop the node when it runs longer than this.', { min: 1, placeholder: 'No limit' });
const DISABLED: FieldSpec = { kind: 'boolean', literal: true, label: 'Disabled', description: 'A disabled node passes its input on unchanged.' };
const NOTES: FieldSpec = { kind: 'string', literal: true, multiline: true, description: 'For the people who read this flow; not used when it runs.' };

const ON_ERROR: { id: NonNullable<NodeSettings['onError']>; label: string; help: string }[] = [
  { id: 'stop', label: 'Stop the run', help: 'The run fails at this node.' },
  { id: 'continue', label: 'Continue', help: 'Pass the failed items on, each with an error field.' },
  { id: 'errorPort', label: 'Use the error output', help: 'Failed items leave through a separate "error" output.' },
];

export interface SettingsTabProps {
  flow: FlowFile;
  node: FlowNode;
  /** Problems of this node outside params (name, settings, type), with `$.nodes[i].` stripped. */
  problemsAt(path: string): Problem[];
  onChange(next: FlowNode): void;
}

export function SettingsTab({ flow, node, problemsAt, onChange }: SettingsTabProps) {
  const env = useInspectorEnv();
  const settings = node.settings ?? {};
  const setSetting = (key: keyof NodeSettings, v: unknown) => {
    const next = withKey(settings as Record<string, unknown>, key, v === false ? undefined : v) as NodeSettings;
    onChange({ ...node, settings: Object.keys(next).length ? next : undefined });
  };
  const nameTaken = flow.nodes.some((n) => n.id !== node.id && n.name === node.name);
  const nameProblems = (path: string) => [
    ...problemsAt(path),
    ...(nameTaken ? [{ path, code: 'flow.duplicate-name', message: `another node is already named "${node.name}"` }] : []),
  ];
  const onError = settings.onError ?? 'stop';

  return (
    <InspectorEnvContext.Provider value={{ ...env, problemsAt: (p) => (p === 'name' ? nameProblems(p) : problemsAt(p)) }}>
      <div className="insp-form">
        <Field path="name" spec={NAME} label="Name" value={node.name} onChange={(v) => onChange({ ...node, name: typeof v === 'string' ? v : '' })} />
        <Field path="settings.retry" spec={RETRY_ON} label="Retry on failure" value={!!settings.retry}
          onChange={(on) => setSetting('retry', on ? NEW_RETRY : undefined)} />
        {settings.retry && (
          <div className="insp-group insp-indent">
            <ObjectFields fields={RETRY_FIELDS} value={settings.retry} base="settings.retry"
              onChange={(r) => setSetting('retry', { ...asObject(r), attempts: asObject(r).attempts ?? 1 })} />
          </div>
        )}
        <Field path="settings.timeoutMs" spec={TIMEOUT} label="Timeout (ms)" value={settings.timeoutMs} onChange={(v) => setSetting('timeoutMs', v)} />
        <fieldset className="insp-field insp-radios" data-testid="field-settings.onError">
          <legend>On error</legend>
          {ON_ERROR.map((o) => (
            <label key={o.id} className="insp-radio">
              <input type="radio" name={`${env.idPrefix}-onError`} value={o.id} checked={onError === o.id}
                onChange={() => setSetting('onError', o.id === 'stop' ? undefined : o.id)} />
              <span><span className="insp-radio-label">{o.label}</span><span className="insp-help">{o.help}</span></span>
            </label>
          ))}
        </fieldset>
        <Field path="settings.disabled" spec={DISABLED} label="Disabled" value={!!settings.disabled} onChange={(v) => setSetting('disabled', v)} />
        <Field path="settings.notes" spec={NOTES} label="Notes" value={settings.notes} onChange={(v) => setSetting('notes', v)} />
      </div>
    </InspectorEnvContext.Provider>
  );
}
