/**
 * Read File's preview before a run: what was detected (format, delimiter, encoding, header),
 * each column with its type, and the first rows, read by the engine with the node's own parsing.
 * Refreshes (debounced) when the params change; answers older than the newest are dropped.
 */
import { useEffect, useRef, useState } from 'react';
import type { FilePreview as Preview } from '../../engine/api';
import type { ApiClient } from '../api/client';
import './file-preview.css';

const DEBOUNCE_MS = 500;
const CELL_CHARS = 60;

type State = { state: 'loading' } | { state: 'done'; preview: Preview } | { state: 'error'; message: string };

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS)}…` : text;
};

export function FilePreview({ api, nodeType, params }: { api: ApiClient; nodeType: string; params: Record<string, unknown> }) {
  const [view, setView] = useState<State>({ state: 'loading' });
  const [reloads, setReloads] = useState(0);
  const seq = useRef(0);
  const key = JSON.stringify(params);

  useEffect(() => {
    const mine = ++seq.current;
    setView({ state: 'loading' });
    const timer = setTimeout(() => {
      api.call('files.preview', { nodeType, params: JSON.parse(key) as Record<string, unknown> })
        .then((preview) => { if (mine === seq.current) setView({ state: 'done', preview }); })
        .catch((e: unknown) => { if (mine === seq.current) setView({ state: 'error', message: e instanceof Error ? e.message : String(e) }); });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, nodeType, key, reloads]);

  const p = view.state === 'done' ? view.preview : undefined;
  return (
    <section className="fprev" aria-label="File preview" data-testid="file-preview">
      <div className="insp-field-head">
        <span>Preview</span>
        <button type="button" className="ui-btn" onClick={() => setReloads((n) => n + 1)} data-testid="file-preview-refresh">Refresh</button>
      </div>
      {view.state === 'loading' && <p className="insp-help" role="status">Reading the first rows…</p>}
      {view.state === 'error' && <p className="insp-local-problem" role="alert">{view.message}</p>}
      {p && <>
        {p.detected && <p className="insp-help" data-testid="file-preview-detected">{p.detected}</p>}
        {p.problems.length > 0 && <ul className="insp-problems" data-testid="file-preview-problems">{p.problems.map((x, i) => <li key={i}>{x.message}</li>)}</ul>}
        {p.columns.length > 0 && (
          <ul className="fprev-columns" aria-label="Columns and their types" data-testid="file-preview-columns">
            {p.columns.map((c) => <li key={c.name}><span className="fprev-col-name">{c.name}</span><span className={`fprev-type is-${c.type}`}>{c.type}</span></li>)}
          </ul>
        )}
        {p.rows.length > 0 && <>
          <div className="fprev-table-wrap" tabIndex={0} aria-label="First rows">
            <table className="fprev-table" data-testid="file-preview-rows">
              <thead><tr><th scope="col">#</th>{p.columns.map((c) => <th key={c.name} scope="col">{c.name}</th>)}</tr></thead>
              <tbody>
                {p.rows.map((row, i) => (
                  <tr key={i}><td className="fprev-n">{i + 1}</td>{p.columns.map((c) => <td key={c.name} className={`is-${typeof row[c.name]}`}>{cellText(row[c.name])}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="insp-help">{p.total !== undefined ? `All ${p.total} rows.` : `The first ${p.rows.length} rows.`}</p>
        </>}
        {p.rows.length === 0 && p.problems.length === 0 && <p className="insp-help">The file has no rows.</p>}
      </>}
    </section>
  );
}
