import type { RunDetailDto } from '../../engine/api';
import { count, formatDuration, STATUS_LABEL } from '../app/format';

const counts = (c: Record<string, number>) => Object.entries(c).map(([port, n]) => (port === 'main' ? count(n) : `${port}: ${count(n)}`)).join(', ') || '—';

/** Each node's result in a run, as a table (when the flow itself is gone). */
export function NodeRunsTable({ run }: { run: RunDetailDto }) {
  return (
    <table className="table">
      <thead><tr><th>Node</th><th>Status</th><th>In</th><th>Out</th><th className="col-num">Duration</th><th>Error</th></tr></thead>
      <tbody>
        {run.nodes.map((n) => (
          <tr key={`${n.nodeId}:${n.iteration}`}>
            <td>{n.nodeName}{n.iteration ? <span className="subtle"> #{n.iteration}</span> : null}</td>
            <td><span className="badge" data-status={n.status}>{STATUS_LABEL[n.status] ?? n.status}</span></td>
            <td>{counts(n.itemsIn)}</td><td>{counts(n.itemsOut)}</td>
            <td className="col-num">{formatDuration(n.durationMs)}</td>
            <td className="danger-text">{n.error?.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
