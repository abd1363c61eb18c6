/**
 * The connection picker: one select per credential slot the node type declares, listing the
 * connections of the kinds it accepts, plus "New connection…". A reference to a connection this
 * machine lacks (deleted, or from an imported flow) stays visible and says it is missing.
 */
import { useState } from 'react';
import type { CredentialSlot, FlowFile } from '../../engine/api';
import { Dialog } from '../app/Dialog';
import { ConnectionForm } from '../connections/ConnectionForm';
import { useConnections } from '../connections/use-connections';

type FlowNode = FlowFile['nodes'][number];
const NEW = '\u0000new';

export function CredentialSlots({ slots, node, onChange }: { slots: CredentialSlot[]; node: FlowNode; onChange(next: FlowNode): void }) {
  const { list, types } = useConnections();
  const [creating, setCreating] = useState<CredentialSlot>();
  const setRef = (slot: string, ref: { id: string; type: string; name: string } | undefined) => {
    const { [slot]: _old, ...rest } = node.credentials ?? {};
    const credentials = ref ? { ...rest, [slot]: ref } : rest;
    onChange({ ...node, credentials });
  };
  return (
    <div className="insp-credentials" data-testid="insp-credentials">
      {slots.map((s) => {
        const ref = node.credentials?.[s.slot];
        const fitting = (list ?? []).filter((c) => s.types.includes(c.type));
        const missing = ref && list && !list.some((c) => c.id === ref.id);
        const id = `cred-${node.id}-${s.slot}`;
        return (
          <div key={s.slot} className="insp-field">
            <label htmlFor={id} className="insp-field-head"><span>{s.label ?? 'Connection'}{s.optional ? '' : ' *'}</span></label>
            <select id={id} className="select" value={ref?.id ?? ''} data-testid={`insp-credential-${s.slot}`}
              onChange={(e) => {
                if (e.target.value === NEW) { setCreating(s); return; }
                const c = fitting.find((x) => x.id === e.target.value);
                setRef(s.slot, c && { id: c.id, type: c.type, name: c.name });
              }}>
              <option value="">{s.optional ? 'None' : 'Choose a connection…'}</option>
              {missing && <option value={ref.id}>{ref.name} (missing)</option>}
              {fitting.map((c) => <option key={c.id} value={c.id}>{c.name}{c.status === 'reconnect' ? ' (reconnect)' : ''}</option>)}
              <option value={NEW}>New connection…</option>
            </select>
            {missing && <ul className="insp-problems" role="alert"><li>The connection "{ref.name}" ({ref.type}) does not exist here. Pick one of yours or create it.</li></ul>}
          </div>
        );
      })}
      {creating && (
        <Dialog title="New connection" onClose={() => setCreating(undefined)} testId="conn-dialog">
          <ConnectionForm types={types} allowedTypes={creating.types} onCancel={() => setCreating(undefined)}
            onSaved={(c) => { setRef(creating.slot, { id: c.id, type: c.type, name: c.name }); setCreating(undefined); }} />
        </Dialog>
      )}
    </div>
  );
}
