/**
 * Items as a grid, virtualised both ways: only the rows and columns in view exist in the DOM,
 * so 100,000 items × 200 keys scroll like 20. Rows whose page is still loading show a
 * placeholder; scrolling asks `pages` for the rows in view. Columns fit their content, widen
 * by dragging their edge and sort by a click on their name; the search box keeps the items
 * with a matching cell. Sorting and searching load the items first (up to ORDER_LIMIT).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { cellText, columnWidth, COLUMN_SAMPLE, inferColumns, kindOf, MIN_COLUMN } from './columns';
import { ORDER_LIMIT, orderItems, type SortBy } from './table-order';
import { tableMeasure } from './text-measure';
import type { ItemPages } from './use-item-pages';

const ROW_H = 26;
const HEAD_H = 28;
const INDEX_W = 56;

const nextSort = (sort: SortBy | undefined, column: string): SortBy | undefined =>
  sort?.column !== column ? { column, dir: 'asc' } : sort.dir === 'asc' ? { column, dir: 'desc' } : undefined;

export function ItemsTable({ pages, label }: { pages: ItemPages; label: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { columns, isTruncated, fitted } = useMemo(() => {
    const head = pages.head(COLUMN_SAMPLE);
    const inferred = inferColumns(head);
    const measure = tableMeasure(scrollRef.current);
    return { ...inferred, fitted: inferred.columns.map((c) => columnWidth(c, head, measure)) };
  }, [pages.firstPage]); // derived from the first page only: later pages never move columns
  const [resized, setResized] = useState<Record<number, number>>({});
  const widths = columns.map((_, i) => resized[i] ?? fitted[i]);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortBy>();

  const isOrdered = query.trim() !== '' || sort !== undefined;
  const want = Math.min(pages.rows, ORDER_LIMIT);
  useEffect(() => { if (isOrdered) pages.ensure(0, want - 1); }, [isOrdered, want, pages]);
  const loaded = isOrdered ? pages.head(want) : undefined;
  const order = useMemo(() => (loaded ? orderItems(loaded, columns, query, sort) : undefined), [loaded?.length, columns, query, sort]); // pages of one source never change once loaded
  const count = order ? order.length : pages.rows;

  const rows = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: 10 });
  const cols = useVirtualizer({ horizontal: true, count: columns.length, getScrollElement: () => scrollRef.current, estimateSize: (i) => widths[i], overscan: 2 });
  useEffect(() => { cols.measure(); }, [resized, cols]);
  const visibleRows = rows.getVirtualItems();
  const visibleCols = cols.getVirtualItems();
  const first = visibleRows[0]?.index ?? 0;
  const last = visibleRows[visibleRows.length - 1]?.index ?? 0;
  useEffect(() => { if (!order) pages.ensure(first, last); }, [first, last, pages, order]);

  const startResize = (index: number, e: React.PointerEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const from = e.clientX;
    const start = widths[index];
    const target = e.currentTarget as HTMLElement;
    target.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => setResized((r) => ({ ...r, [index]: Math.max(MIN_COLUMN, Math.round(start + ev.clientX - from)) }));
    const up = () => { target.removeEventListener('pointermove', move); target.removeEventListener('pointerup', up); };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };

  const width = INDEX_W + cols.getTotalSize();
  return (
    <div className="dp-table-wrap">
      <div className="dp-table-tools">
        <input className="dp-search" type="search" placeholder="Search items" aria-label="Search items" data-testid="dp-search"
          value={query} onChange={(e) => setQuery(e.target.value)} />
        {order && loaded!.length < want && <span className="is-muted" role="status">Loading items…</span>}
        {order && query.trim() && <span className="is-muted" data-testid="dp-matches">{order.length} of {want} match</span>}
        {order && pages.rows > ORDER_LIMIT && <span className="is-muted">Sorting and search cover the first {ORDER_LIMIT.toLocaleString('en-US')} items.</span>}
      </div>
      {isTruncated && <div className="dp-note">Showing the first {columns.length} fields as columns; the JSON view has them all.</div>}
      <div ref={scrollRef} className="dp-table" role="grid" aria-label={label} aria-rowcount={count + 1}
        aria-colcount={columns.length + 1} tabIndex={0} data-testid="dp-table">
        <div style={{ width, height: HEAD_H + rows.getTotalSize(), position: 'relative' }}>
          <div className="dp-thead" role="row" aria-rowindex={1} style={{ width, height: HEAD_H }}>
            <div className="dp-th dp-index" role="columnheader" style={{ width: INDEX_W }}>#</div>
            {visibleCols.map((c) => {
              const name = columns[c.index];
              const dir = sort?.column === name ? sort.dir : undefined;
              return (
                <div key={c.key} className="dp-th" role="columnheader" aria-colindex={c.index + 2} title={`${name}: click to sort`}
                  aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'} data-testid={`dp-th-${name}`}
                  style={{ left: INDEX_W + c.start, width: c.size }}>
                  <button type="button" className="dp-sort" onClick={() => setSort(nextSort(sort, name))}>
                    <span className="dp-th-name">{name}</span>{dir && <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span>}
                  </button>
                  <span className="dp-resize" role="separator" aria-orientation="vertical" aria-label={`Resize ${name}`}
                    data-testid={`dp-resize-${name}`} onPointerDown={(e) => startResize(c.index, e)} />
                </div>
              );
            })}
          </div>
          {visibleRows.map((r) => {
            const index = order ? order[r.index] : r.index;
            const item = order ? loaded![index] : pages.item(index);
            return (
              <div key={r.key} className="dp-tr" role="row" aria-rowindex={r.index + 2} data-testid={`dp-row-${r.index}`}
                data-odd={r.index % 2 === 1 || undefined} style={{ width, height: ROW_H, transform: `translateY(${HEAD_H + r.start}px)` }}>
                <div className="dp-td dp-index" role="rowheader">{index}</div>
                {visibleCols.map((c) => {
                  if (!item) return <div key={c.key} className="dp-td" style={{ left: INDEX_W + c.start, width: c.size }}><span className="ui-skeleton" /></div>;
                  const v = item[columns[c.index]];
                  const text = cellText(v);
                  return (
                    <div key={c.key} className={`dp-td is-${kindOf(v)}`} role="gridcell" aria-colindex={c.index + 2}
                      title={text.length > 24 ? cellText(v, 1000) : undefined} style={{ left: INDEX_W + c.start, width: c.size }}>
                      {text}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
        {columns.length === 0 && pages.rows > 0 && <div className="dp-note">These items have no fields.</div>}
        {order && count === 0 && loaded!.length === want && <div className="dp-note" role="status">No item matches “{query}”.</div>}
      </div>
    </div>
  );
}
