/**
 * Create or edit one connection. The form comes from the kind's field list; a secret that is
 * saved shows as "saved" and is never sent back, only replaced when the person types a new one.
 */
import { useState } from 'react';
import type { ConnectionDto, ConnectionTypeInfo } from '../../engine/api';
import { useApi } from '../app/api-context';
import { errorText } from '../state/toast-store';

type FieldInfo = ConnectionTypeInfo['fields'][number];

export function ConnectionForm({ types, initial, allowedTypes, onSaved, onCancel }: {
  types: ConnectionTypeInfo[]; initial?: ConnectionDto; allowedTypes?: string[];
  onSaved(c: ConnectionDto): void; onCancel(): void;
}) {
  const api = useApi();
  const choices = allowedTypes ? types.filter((t) => allowedTypes.includes(t.type)) : types;
  const [type, setType] = useState(initial?.type ?? choices[0]?.type ?? 'apiKey');
  const [name, setName] = useState(initial?.name ?? '');
  const [fields, setFields] = useState<Record<string, unknown>>(initial?.fields ?? {});
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const kind = types.find((t) => t.type === type);
  const value = (f: FieldInfo) => fields[f.name] ?? f.default ?? '';
  const visible = (f: FieldInfo) => !f.showWhen || Object.entries(f.showWhen).every(([k, vs]) => vs.includes(String(fields[k] ?? kind?.fields.find((x) => x.name === k)?.default ?? '')));

  const save = async () => {
    setBusy(true); setError(undefined);
    try {
      const plain = Object.fromEntries(Object.entries(fields).filter(([k]) => kind?.fields.some((f) => f.name === k && !f.secret && visible(f))));
      onSaved(await api.call('connections.save', { ...(initial ? { id: initial.id } : {}), name, type, fields: plain, secrets }));
    } catch (e) { setError(errorText(e)); } finally { setBusy(false); }
  };

  return (
    <form className="conn-form" data-testid="connection-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label className="conn-row"><span>Name</span><input className="input" value={name} onChange={(e) => setName(e.target.value)} data-testid="conn-name" autoFocus /></label>
      <label className="conn-row"><span>Kind</span>
        <select className="input" value={type} disabled={!!initial} onChange={(e) => { setType(e.target.value); setFields({}); setSecrets({}); }} data-testid="conn-type">
          {choices.map((t) => <option key={t.type} value={t.type}>{t.title}</option>)}
        </select>
      </label>
      {kind && <p className="conn-hint">{kind.description}</p>}
      {kind?.fields.filter(visible).map((f) => (
        <label key={f.name} className="conn-row"><span>{f.label}{f.required ? ' *' : ''}</span>
          {f.secret ? (
            f.input === 'textarea'
              ? <textarea className="input mono" rows={4} value={secrets[f.name] ?? ''} data-testid={`conn-secret-${f.name}`}
                  placeholder={initial?.secretsSet.includes(f.name) ? 'Saved. Type to replace it.' : ''} onChange={(e) => setSecrets({ ...secrets, [f.name]: e.target.value })} />
              : <input className="input" type="password" autoComplete="new-password" value={secrets[f.name] ?? ''} data-testid={`conn-secret-${f.name}`}
                  placeholder={initial?.secretsSet.includes(f.name) ? 'Saved. Type to replace it.' : ''} onChange={(e) => setSecrets({ ...secrets, [f.name]: e.target.value })} />
          ) : f.input === 'select' ? (
            <select className="input" value={String(value(f))} onChange={(e) => setFields({ ...fields, [f.name]: e.target.value })} data-testid={`conn-field-${f.name}`}>
              {f.options?.map((o) => <option key={o} value={o}>{o}</option>)}
            </select>
          ) : f.input === 'boolean' ? (
            <input type="checkbox" checked={value(f) === true} onChange={(e) => setFields({ ...fields, [f.name]: e.target.checked })} data-testid={`conn-field-${f.name}`} />
          ) : (
            <input className="input" inputMode={f.input === 'number' ? 'numeric' : undefined} value={String(value(f))} data-testid={`conn-field-${f.name}`}
              onChange={(e) => setFields({ ...fields, [f.name]: f.input === 'number' ? (e.target.value === '' ? '' : Number(e.target.value)) : e.target.value })} />
          )}
          {f.help && <small className="conn-hint">{f.help}</small>}
        </label>
      ))}
      {error && <p className="conn-error" role="alert">{error}</p>}
      <div className="conn-actions">
        <button type="button" className="btn" onClick={onCancel}>Cancel</button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="conn-save">Save</button>
      </div>
    </form>
  );
}
