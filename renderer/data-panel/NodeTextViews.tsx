/** The node's log lines (Code's console output) and, in a recorded run, its parameters as they ran. */
import type { FlowNode } from '../../engine/flow/types';
import type { NodeRunView } from './types';

/** The sandbox logs console.warn as `warn: …` at one level; show the console method's own level. */
const CONSOLE_PREFIX = /^(log|info|warn|error|debug): /;
const shownLine = (l: { level: string; message: string }) => {
  const m = CONSOLE_PREFIX.exec(l.message);
  return m ? { level: m[1] === 'log' ? 'info' : m[1], message: l.message.slice(m[0].length) } : l;
};

export function LogsView({ nodeRun }: { nodeRun?: NodeRunView }) {
  const logs = nodeRun?.logs ?? [];
  if (!logs.length) {
    return (
      <div className="dp-empty" role="status" data-testid="dp-logs-empty">
        <div>{nodeRun ? 'This node logged nothing in this run.' : 'Run the node to see what it logs.'}</div>
        <div className="is-muted">In a Code node, console.log lines appear here.</div>
      </div>
    );
  }
  return (
    <ol className="dp-logs" aria-label="Log lines" data-testid="dp-logs">
      {logs.map(shownLine).map((l, i) => (
        <li key={i} className="dp-log" data-level={l.level}><span className="dp-log-level">{l.level}</span><span className="dp-log-msg">{l.message}</span></li>
      ))}
    </ol>
  );
}

export function ParamsView({ node }: { node: FlowNode }) {
  const shown = { params: node.params, ...(node.settings && Object.keys(node.settings).length ? { settings: node.settings } : {}) };
  return <pre className="dp-params" aria-label={`Parameters of ${node.name} (read-only)`} data-testid="dp-params">{JSON.stringify(shown, null, 2)}</pre>;
}
