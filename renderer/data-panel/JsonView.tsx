/**
 * The first items as pretty JSON with light colouring. Capped by count and by size: a JSON
 * view of 100,000 items helps no one and would freeze the panel.
 */
import { useEffect, useMemo, type ReactNode } from 'react';
import type { Json } from './columns';
import type { ItemPages } from './use-item-pages';

export const JSON_ITEMS = 100;
const JSON_CHARS = 300_000;

const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

function highlight(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    const cls = m[1] ? (m[2] ? 'is-key' : 'is-string') : m[3] ? 'is-literal' : 'is-number';
    out.push(<span key={m.index} className={`dp-json-${cls}`}>{m[1] ?? m[0]}</span>);
    if (m[2]) out.push(m[2]);
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return out;
}

/** Pretty JSON of items until the count or size cap; returns how many fit. */
export function prettyItems(items: readonly Json[], maxChars = JSON_CHARS): { text: string; shown: number } {
  const parts: string[] = [];
  let size = 0;
  for (const item of items) {
    const part = JSON.stringify(item, null, 2).replace(/^/gm, '  ');
    if (size + part.length > maxChars && parts.length) break;
    parts.push(part);
    size += part.length;
  }
  return { text: parts.length ? `[\n${parts.join(',\n')}\n]` : '[]', shown: parts.length };
}

export function JsonView({ pages }: { pages: ItemPages }) {
  const want = Math.min(JSON_ITEMS, pages.rows);
  useEffect(() => { if (want > 0) pages.ensure(0, want - 1); }, [want, pages]);
  const head = pages.head(want);
  const isComplete = head.length >= want;
  // Recomputed when the wanted items have all arrived, not on every render.
  const { text, shown } = useMemo(() => prettyItems(head), [isComplete, pages.firstPage]);
  const body = useMemo(() => highlight(text), [text]);

  if (!isComplete) return <div className="dp-skeleton" aria-busy="true">{Array.from({ length: 8 }, (_, i) => <span key={i} className="ui-skeleton" />)}</div>;
  return (
    <div className="dp-json-wrap">
      {shown < pages.total && (
        <div className="dp-note">Showing the first {shown.toLocaleString('en-US')} of {pages.total.toLocaleString('en-US')} items as JSON; the table shows them all.</div>
      )}
      <pre className="dp-json" tabIndex={0} aria-label="Items as JSON" data-testid="dp-json">{body}</pre>
    </div>
  );
}
