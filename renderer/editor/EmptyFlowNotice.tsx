import { useShallow } from 'zustand/react/shallow';
import { selectLostAllNodes } from '../state/save-slice';
import { useEditor } from '../state/use-editor';

/**
 * Shown while every node of the saved flow is gone: autosave holds off, and the empty flow
 * reaches the disk only through the button here.
 */
export function EmptyFlowNotice() {
  const { isLost, canUndo, undo, save } = useEditor(useShallow((s) => ({ isLost: selectLostAllNodes(s), canUndo: s.past.length > 0, undo: s.undo, save: s.save })));
  if (!isLost) return null;
  return (
    <div className="notice notice-warn" role="alert" data-testid="empty-flow-notice">
      Every node of this flow was removed. This is not saved until you confirm.
      {canUndo && <button type="button" className="btn btn-sm" data-testid="empty-flow-undo" onClick={undo}>Undo</button>}
      <button type="button" className="btn btn-sm btn-ghost" data-testid="empty-flow-save" onClick={() => void save({ allowEmpty: true })}>Save the empty flow</button>
    </div>
  );
}
