import type { TriggerStatusDto } from '../../engine/api';
import { formatRelative } from '../app/format';

const OUTCOME: Record<string, string> = { started: 'ran', queued: 'queued', skipped: 'skipped (still running)', rejected: 'refused' };
const KIND: Record<string, string> = { schedule: 'on schedule', webhook: 'by webhook', poll: 'on new data', event: 'on an event' };

/** The Flows list's trigger column: active or not, when it fires next, what its triggers did last. */
export function TriggerCell({ status }: { status?: TriggerStatusDto }) {
  if (!status) return <td className="col-trigger"><span className="subtle">Inactive</span></td>;
  const last = status.lastEvent;
  return (
    <td className="col-trigger" data-testid="flow-trigger">
      <span className="badge" data-status={status.problem ? 'failed' : 'success'} title={status.problem}>
        <span className="dot" />{status.problem ? 'Active, not live' : 'Active'}
      </span>
      {status.nextFireAt && <span className="subtle" data-testid="flow-next-fire" title={new Date(status.nextFireAt).toLocaleString()}> · next {new Date(status.nextFireAt).toLocaleTimeString()}</span>}
      {last && <span className="subtle" title={last.detail}> · {OUTCOME[last.outcome] ?? last.outcome}{last.kind && last.outcome === 'started' ? ` ${KIND[last.kind] ?? ''}` : ''}{last.status ? ` ${last.status}` : ''} {formatRelative(last.at)}</span>}
      {/* A poll that finds nothing starts no run: this says it still looks. */}
      {status.lastPolledAt && <span className="subtle" title={new Date(status.lastPolledAt).toLocaleString()}> · checked {formatRelative(status.lastPolledAt)}</span>}
    </td>
  );
}
