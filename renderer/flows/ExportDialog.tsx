import { useState } from 'react';
import { Dialog } from '../app/Dialog';

/** Export options: pinned test data stays out unless asked for, since it may hold real records. */
export function ExportDialog({ name, onExport, onClose }: { name: string; onExport(includePinned: boolean): void; onClose(): void }) {
  const [includePinned, setIncludePinned] = useState(false);
  return (
    <Dialog title={`Export “${name}”`} onClose={onClose} testId="export-dialog" footer={<>
      <button type="button" className="btn" onClick={onClose}>Cancel</button>
      <button type="button" className="btn btn-primary" data-testid="export-confirm" onClick={() => { onExport(includePinned); onClose(); }}>Export</button>
    </>}>
      <p className="muted">Saves the flow as a .flow.json file. Credentials are exported as references only — never secrets.</p>
      <label className="check">
        <input type="checkbox" checked={includePinned} onChange={(e) => setIncludePinned(e.target.checked)} data-testid="export-include-pinned" />
        Include pinned data
      </label>
    </Dialog>
  );
}
