/** Names → values (headers, query parameters) as editable rows; order is kept. */
import { useRef } from 'react';
import { asObject } from '../form-model';
import type { ControlProps } from './types';
import { useDraft } from './use-draft';

interface Row { key: number; name: string; value: string }

export function KeyValueControl({ id, path, label, value, onChange, describedBy }: ControlProps) {
  const nextKey = useRef(0);
  const toRows = (v: unknown): Row[] =>
    Object.entries(asObject(v)).map(([name, val]) => ({ key: nextKey.current++, name, value: typeof val === 'string' ? val : JSON.stringify(val) }));
  const [rows, setRows] = useDraft(value, toRows, onChange);

  // Rows without a name are kept on screen but left out of the value, so typing a new row does not flicker.
  const commit = (next: Row[]) => {
    const named = next.filter((r) => r.name.trim() !== '');
    setRows(next, { value: named.length ? Object.fromEntries(named.map((r) => [r.name, r.value])) : undefined });
  };
  const edit = (i: number, patch: Partial<Row>) => commit(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);

  return (
    <div className="insp-kv" role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy} data-testid={`input-${path}`}>
      {rows.length > 0 && (
        <div className="insp-kv-head" aria-hidden>
          <span>Name</span><span>Value</span><span />
        </div>
      )}
      {rows.map((r, i) => (
        <div className="insp-kv-row" key={r.key}>
          <input className="insp-input is-mono" value={r.name} placeholder="name" aria-label={`${label}: name ${i + 1}`}
            aria-invalid={(counts.get(r.name) ?? 0) > 1 || undefined} onChange={(e) => edit(i, { name: e.target.value })} />
          <input className="insp-input" value={r.value} placeholder="value" aria-label={`${label}: value ${i + 1}`}
            onChange={(e) => edit(i, { value: e.target.value })} />
          <button type="button" className="ui-icon-btn" aria-label={`Remove ${r.name || `row ${i + 1}`}`} title="Remove"
            onClick={() => commit(rows.filter((_, j) => j !== i))}>×</button>
        </div>
      ))}
      {[...counts].some(([name, n]) => n > 1 && name !== '') && <div className="insp-local-problem" role="alert">Each name can appear once; the last row wins.</div>}
      <button type="button" className="ui-btn is-ghost is-small" onClick={() => setRows([...rows, { key: nextKey.current++, name: '', value: '' }])}>
        + Add row
      </button>
    </div>
  );
}
