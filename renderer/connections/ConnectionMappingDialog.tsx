/**
 * After an import: asks the person to map the flow's connections to theirs, one dialog per
 * imported flow, and applies the mapping through `connections.map` (which saves the flow).
 */
import { create } from 'zustand';
import type { CredentialRef } from '../../engine/api';
import { useApi } from '../app/api-context';
import { Dialog } from '../app/Dialog';
import { plural } from '../app/format';
import { errorText, toast } from '../state/toast-store';
import { ConnectionMapping } from './ConnectionMapping';

interface Pending { flowId: string; flowName: string; refs: CredentialRef[] }

/** Imported flows waiting for their connections to be mapped, oldest first. */
export const useConnectionMappings = create<{ pending: Pending[]; ask(p: Pending): void; done(flowId: string): void }>()((set) => ({
  pending: [],
  ask: (p) => set((s) => ({ pending: [...s.pending.filter((x) => x.flowId !== p.flowId), p] })),
  done: (flowId) => set((s) => ({ pending: s.pending.filter((x) => x.flowId !== flowId) })),
}));

export function ConnectionMappingDialog() {
  const api = useApi();
  const { pending, done } = useConnectionMappings();
  const first = pending[0];
  if (!first) return null;
  const apply = async (mapping: Record<string, string>) => {
    try {
      await api.call('connections.map', { flowId: first.flowId, mapping });
      const left = first.refs.length - Object.keys(mapping).length;
      toast('success', `“${first.flowName}” now uses your connections${left ? ` (${plural(left, 'connection')} still to pick in its nodes)` : ''}.`);
      done(first.flowId);
    } catch (e) {
      toast('error', `Could not map the connections of “${first.flowName}”: ${errorText(e)}`);
    }
  };
  return (
    <Dialog title={`Connections of “${first.flowName}”`} onClose={() => done(first.flowId)} testId="conn-mapping-dialog">
      <p className="muted">This flow uses {plural(first.refs.length, 'connection')} that {first.refs.length === 1 ? 'is' : 'are'} not set up here. Pick one of yours for each; secrets never travel with a flow.</p>
      <ConnectionMapping key={first.flowId} refs={first.refs} onMapped={(m) => void apply(m)} onCancel={() => done(first.flowId)} />
    </Dialog>
  );
}
