/**
 * Items as a grid, virtualised both ways: only the rows and columns in view exist in the DOM,
 * so 100,000 items × 200 keys scroll like 20. Rows whose page is still loading show a
 * placeholder; scrolling asks `pages` for the rows in view.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { cellText, columnWidth, COLUMN_SAMPLE, inferColumns, kindOf } from './columns';
import type { ItemPages } from './use-item-pages';

const ROW_H = 26;
const HEAD_H = 28;
const INDEX_W = 56;

export function ItemsTable({ pages, label }: { pages: ItemPages; label: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { columns, isTruncated, widths } = useMemo(() => {
    const head = pages.head(COLUMN_SAMPLE);
    const inferred = inferColumns(head);
    return { ...inferred, widths: inferred.columns.map((c) => columnWidth(c, head)) };
  }, [pages.firstPage]); // derived from the first page only: later pages never move columns

  const rows = useVirtualizer({ count: pages.rows, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: 10 });
  const cols = useVirtualizer({ horizontal: true, count: columns.length, getScrollElement: () => scrollRef.current, estimateSize: (i) => widths[i], overscan: 2 });
  const visibleRows = rows.getVirtualItems();
  const visibleCols = cols.getVirtualItems();
  const first = visibleRows[0]?.index ?? 0;
  const last = visibleRows[visibleRows.length - 1]?.index ?? 0;
  useEffect(() => { pages.ensure(first, last); }, [first, last, pages]);

  const width = INDEX_W + cols.getTotalSize();
  return (
    <div className="dp-table-wrap">
      {isTruncated && <div className="dp-note">Showing the first {columns.length} fields as columns; the JSON view has them all.</div>}
      <div ref={scrollRef} className="dp-table" role="grid" aria-label={label} aria-rowcount={pages.rows + 1}
        aria-colcount={columns.length + 1} tabIndex={0} data-testid="dp-table">
        <div style={{ width, height: HEAD_H + rows.getTotalSize(), position: 'relative' }}>
          <div className="dp-thead" role="row" aria-rowindex={1} style={{ width, height: HEAD_H }}>
            <div className="dp-th dp-index" role="columnheader" style={{ width: INDEX_W }}>#</div>
            {visibleCols.map((c) => (
              <div key={c.key} className="dp-th" role="columnheader" aria-colindex={c.index + 2} title={columns[c.index]}
                style={{ left: INDEX_W + c.start, width: c.size }}>{columns[c.index]}</div>
            ))}
          </div>
          {visibleRows.map((r) => {
            const item = pages.item(r.index);
            return (
              <div key={r.key} className="dp-tr" role="row" aria-rowindex={r.index + 2} data-testid={`dp-row-${r.index}`}
                data-odd={r.index % 2 === 1 || undefined} style={{ width, height: ROW_H, transform: `translateY(${HEAD_H + r.start}px)` }}>
                <div className="dp-td dp-index" role="rowheader">{r.index}</div>
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
      </div>
    </div>
  );
}
