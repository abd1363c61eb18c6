/** Run and pin buttons of the data panel, and the question asked before pinning a long output. */
import { count } from './ports';
import { PIN_CAP, type usePin } from './use-pin';

export interface DataActionsProps {
  isRunning: boolean;
  canRunNode: boolean;
  isPinned: boolean;
  /** Output items the current run has for pinning; 0 when nothing can be pinned. */
  pinnableCount: number;
  pin: ReturnType<typeof usePin>;
  onRunFlow(): void;
  onRunNode(): void;
  onRunFromHere(): void;
  onCancel(): void;
  onUnpin(): void;
}

export function DataActions(p: DataActionsProps) {
  return (
    <div className="dp-actions" role="toolbar" aria-label="Run and pin">
      <button type="button" className="ui-btn is-primary" data-testid="dp-run-flow" disabled={p.isRunning} onClick={p.onRunFlow}>▶ Run flow</button>
      <button type="button" className="ui-btn" data-testid="dp-run-node" disabled={p.isRunning || !p.canRunNode} onClick={p.onRunNode}
        title="Run only this node, with earlier nodes' data from the last run or their pins">Run this node</button>
      <button type="button" className="ui-btn" data-testid="dp-run-from" disabled={p.isRunning || !p.canRunNode} onClick={p.onRunFromHere}
        title="Run this node and everything after it">Run from here</button>
      {p.isRunning && <button type="button" className="ui-btn is-danger" data-testid="dp-cancel" onClick={p.onCancel}>Cancel</button>}
      {p.isPinned ? (
        <button type="button" className="ui-btn" data-testid="dp-unpin" onClick={p.onUnpin} title="Run this node again instead of using the pinned items">Unpin</button>
      ) : (
        <button type="button" className="ui-btn" data-testid="dp-pin" disabled={p.pinnableCount === 0 || p.pin.phase !== 'idle'} onClick={p.pin.start}
          title={p.pinnableCount ? 'Keep this output as test data: later runs use it instead of running the node' : 'Run the node first to pin its output'}>
          {p.pin.phase === 'busy' ? 'Pinning…' : 'Pin output'}
        </button>
      )}
    </div>
  );
}

export function PinConfirm({ total, pin }: { total: number; pin: ReturnType<typeof usePin> }) {
  if (pin.phase !== 'confirm' && !pin.error) return null;
  if (pin.error) return <div className="dp-banner is-error" role="alert">{pin.error}</div>;
  return (
    <div className="dp-banner" role="alertdialog" aria-label="Pin a long output" data-testid="dp-pin-confirm">
      <span>The output has {count(total)} items. Pinned data lives in the flow file, so only the first {count(PIN_CAP)} are kept.</span>
      <button type="button" className="ui-btn is-primary is-small" data-testid="dp-pin-confirm-yes" onClick={pin.confirm} autoFocus>Pin first {count(PIN_CAP)}</button>
      <button type="button" className="ui-btn is-small" onClick={pin.cancel}>Cancel</button>
    </div>
  );
}
