/**
 * The HTTP view of a node's output: each request and its response as an API client shows them
 * (method, URL, status, timing split, headers, bodies), read from the exchanges recorded on the
 * loaded items. Secrets were hidden by the engine before anything was stored.
 */
import { useEffect, useMemo, useState } from 'react';
import { bytes, exchangesOf, type ShownExchange } from './exchanges';
import { JSON_ITEMS } from './JsonView';
import type { ItemPages } from './use-item-pages';

const PHASES = ['dns', 'connect', 'tls', 'firstByte', 'download'] as const;
const PHASE_LABEL: Record<(typeof PHASES)[number], string> = { dns: 'DNS', connect: 'Connect', tls: 'TLS', firstByte: 'Waiting (first byte)', download: 'Download' };

export function HttpExchangeView({ pages }: { pages: ItemPages }) {
  const want = Math.min(JSON_ITEMS, pages.rows);
  useEffect(() => { if (want > 0) pages.ensure(0, want - 1); }, [want, pages]);
  const head = pages.head(want);
  // Recomputed when the wanted items have all arrived, not on every render.
  const list = useMemo(() => exchangesOf(head), [head.length >= want, pages.firstPage]); // eslint-disable-line react-hooks/exhaustive-deps
  const [open, setOpen] = useState(0);
  if (!list.length) return <div className="dp-empty" role="status">No HTTP exchange was recorded on these items.</div>;
  return (
    <div className="dp-http" data-testid="dp-http">
      {list.length > 1 && (
        <ol className="dp-http-list" aria-label="Requests">
          {list.map((x, i) => (
            <li key={i}><button type="button" className={`dp-http-row${i === open ? ' is-open' : ''}`} aria-pressed={i === open} onClick={() => setOpen(i)}>
              <Summary x={x} />
            </button></li>
          ))}
        </ol>
      )}
      <Exchange x={list[Math.min(open, list.length - 1)]} />
    </div>
  );
}

function Summary({ x }: { x: ShownExchange }) {
  return (
    <span className="dp-http-summary">
      <b>{x.request.method}</b> <span className="dp-http-url">{x.request.url}</span>
      <span className={`dp-http-status${x.status >= 400 ? ' is-error' : ''}`}>{x.status} {x.statusText}</span>
      {x.timing && <span className="is-muted">{Math.round(x.timing.total)} ms</span>}
      {x.response && <span className="is-muted">{bytes(x.response.size)}</span>}
      {x.page !== undefined && <span className="is-muted">page {x.page}{x.truncated ? ' (page limit reached)' : ''}</span>}
    </span>
  );
}

function Exchange({ x }: { x: ShownExchange }) {
  return (
    <div className="dp-http-exchange" data-testid="dp-http-exchange">
      <Summary x={x} />
      {(x.attempts ?? 1) > 1 && <div className="is-muted">Answered on attempt {x.attempts}.</div>}
      {x.timing && <Timing t={x.timing} />}
      <h4>Request</h4>
      <Headers h={x.request.headers} />
      {x.request.body !== undefined && <pre className="dp-http-body" aria-label="Request body">{x.request.body}</pre>}
      {x.response && <>
        <h4>Response</h4>
        <Headers h={x.response.headers} />
        <pre className="dp-http-body" aria-label="Response body">{x.response.body}</pre>
      </>}
    </div>
  );
}

function Timing({ t }: { t: NonNullable<ShownExchange['timing']> }) {
  const total = Math.max(t.total, 0.1);
  return (
    <dl className="dp-http-timing" aria-label="Timing">
      {PHASES.map((p) => (
        <div key={p} className="dp-http-phase">
          <dt>{PHASE_LABEL[p]}</dt>
          <dd><span className="dp-http-bar" style={{ width: `${Math.max(1, (t[p] / total) * 100)}%` }} /> {t[p].toFixed(1)} ms</dd>
        </div>
      ))}
    </dl>
  );
}

function Headers({ h }: { h: Record<string, string> }) {
  const rows = Object.entries(h);
  if (!rows.length) return null;
  return (
    <table className="dp-http-headers"><tbody>
      {rows.map(([k, v]) => <tr key={k}><th scope="row">{k}</th><td>{v}</td></tr>)}
    </tbody></table>
  );
}
