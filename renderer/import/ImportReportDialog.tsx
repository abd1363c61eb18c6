import type { ForeignFlowDto } from '../../engine/api';
import { Dialog } from '../app/Dialog';
import { plural } from '../app/format';
import { navigate } from '../app/router';
import { ConnectionsToMap } from './ConnectionsToMap';
import { useImportReport } from './foreign-import';
import './import.css';

const TOOL = { n8n: 'n8n', 'node-red': 'Node-RED' } as const;
const BECAME: Record<string, string> = { placeholder: 'Placeholder (no equivalent)', folded: 'Canvas note', dropped: 'Left out' };

function FlowReport({ f }: { f: ForeignFlowDto }) {
  const mapped = f.nodes.filter((n) => n.outcome === 'mapped').length;
  return (
    <section className="import-flow" data-testid="import-flow">
      <h3>{f.flow.name}</h3>
      <p className="muted">{mapped} of {plural(f.nodes.length, 'node')} mapped · {plural(f.notes.length, 'note')} · {plural(f.connections.length, 'connection')} to map</p>
      <table className="table import-nodes">
        <thead><tr><th>Source node</th><th>Type</th><th>Became</th></tr></thead>
        <tbody>
          {f.nodes.map((n) => (
            <tr key={n.path} data-outcome={n.outcome}>
              <td>{n.sourceName}</td><td className="mono">{n.sourceType}</td>
              <td>{n.outcome === 'mapped' ? <span className="mono">{n.junctionType}</span> : <span className="import-outcome">{BECAME[n.outcome]}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {f.notes.length > 0 && (
        <ul className="import-notes" aria-label="Notes">
          {f.notes.map((n, i) => (
            <li key={i} data-severity={n.severity}>
              <span className="import-severity">{n.severity}</span> <code>{n.path}</code> {n.message}
            </li>
          ))}
        </ul>
      )}
      {f.connections.length > 0 && <ConnectionsToMap f={f} />}
    </section>
  );
}

/** What became of each imported node, what did not carry over, and the connections to map; then open the flow. */
export function ImportReportDialog() {
  const { report, fileName, close } = useImportReport();
  if (!report) return null;
  const first = report.flows[0];
  const open = (id: string) => { close(); navigate({ screen: 'editor', flowId: id }); };
  return (
    <Dialog
      title={`Imported from ${TOOL[report.source]}${fileName ? `: ${fileName}` : ''}`} onClose={close} testId="import-report" wide
      footer={<>
        <button type="button" className="btn" onClick={close}>Close</button>
        {first && <button type="button" className="btn btn-primary" data-testid="import-open" onClick={() => open(first.flow.id)}>
          Open {report.flows.length > 1 ? `“${first.flow.name}”` : 'flow'}
        </button>}
      </>}
    >
      {report.notes.map((n, i) => <p key={i} className="error-box">{n.message}</p>)}
      {report.flows.map((f) => <FlowReport key={f.flow.id} f={f} />)}
      {report.flows.length > 1 && <p className="muted">{plural(report.flows.length, 'flow')} were added to the Flows list.</p>}
    </Dialog>
  );
}
