import { useEffect, useState } from 'react';
import type { FlowVersion } from '../../engine/api';
import { useApi } from '../app/api-context';
import { Dialog } from '../app/Dialog';
import { formatDateTime, formatRelative, plural } from '../app/format';
import { errorText, toast } from '../state/toast-store';
import { useEditorStore } from '../state/use-editor';

/**
 * The flow's saved versions from the engine's local history (they outlive the editor's undo),
 * each restorable: restoring is one undoable edit that autosave then writes.
 */
export function VersionsDialog({ onClose }: { onClose(): void }) {
  const api = useApi();
  const store = useEditorStore();
  const flowId = store.getState().flow.id;
  const [versions, setVersions] = useState<FlowVersion[] | undefined>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    api.call('flows.versions', { id: flowId }).then(setVersions, (e) => setError(errorText(e)));
  }, [api, flowId]);

  const restore = async (v: FlowVersion) => {
    try {
      const { flow } = await api.call('flows.version', { id: flowId, versionId: v.id });
      store.getState().commit(flow);
      store.getState().clearSelection();
      toast('success', `Restored the version saved ${formatRelative(v.savedAt)}`, { label: 'Undo', run: store.getState().undo });
      onClose();
    } catch (e) {
      toast('error', `Could not restore that version: ${errorText(e)}`);
    }
  };

  return (
    <Dialog title="Version history" onClose={onClose} testId="versions-dialog" footer={<button type="button" className="btn" onClick={onClose}>Close</button>}>
      <p className="muted">The last saved versions of this flow, kept on this computer.</p>
      {error && <p role="alert" className="dialog-error">{error}</p>}
      {!versions && !error && <p className="muted" role="status"><span className="spinner" /> Loading…</p>}
      {versions?.length === 0 && <p data-testid="versions-empty">No saved versions yet.</p>}
      {!!versions?.length && (
        <ul className="versions" aria-label="Saved versions">
          {versions.map((v, i) => (
            <li key={v.id} className="version-row" data-testid={`version-${i}`}>
              <span className="version-when" title={formatDateTime(v.savedAt)}>{formatDateTime(v.savedAt)}</span>
              <span className="muted">{plural(v.nodeCount, 'node')}{i === 0 ? ' · latest' : ''}</span>
              <button type="button" className="btn btn-sm" data-testid={`version-restore-${i}`} onClick={() => void restore(v)}
                aria-label={`Restore the version from ${formatDateTime(v.savedAt)} with ${plural(v.nodeCount, 'node')}`}>Restore</button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
