import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RunSummaryDto } from '../../engine/api';
import { count, formatDateTime, formatDuration, formatRelative, statusText } from '../app/format';
import { navigate } from '../app/router';

const ROW_H = 34;

/** The run history as a virtualized grid: thousands of rows stay smooth. */
export function RunsTable({ runs }: { runs: RunSummaryDto[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: runs.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_H, overscan: 12 });
  const open = (id: string) => navigate({ screen: 'run', runId: id });
  return (
    <div className="grid-table runs-table" role="table" aria-label="Runs" aria-rowcount={runs.length + 1} data-testid="runs-table">
      <div className="grid-row grid-head" role="row">
        <span role="columnheader">Status</span><span role="columnheader">Flow</span><span role="columnheader">Trigger</span>
        <span role="columnheader">Started</span><span role="columnheader" className="num">Duration</span><span role="columnheader" className="num">Items</span>
      </div>
      <div className="grid-scroll" ref={scroller}>
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((row) => {
            const r = runs[row.index];
            return (
              <div key={r.id} className="grid-row grid-body-row" role="row" tabIndex={0} aria-rowindex={row.index + 2}
                data-testid={`run-row-${r.id}`} data-status={r.status}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_H, transform: `translateY(${row.start}px)` }}
                onClick={() => open(r.id)} onKeyDown={(e) => {
                  if (e.key === 'Enter') open(r.id);
                  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                    e.preventDefault();
                    const next = (e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling) as HTMLElement | null;
                    next?.focus();
                  }
                }}>
                <span role="cell"><span className="badge" data-status={r.status} data-failed-items={r.failedItems || undefined}><span className="dot" />{statusText(r.status, r.failedItems || undefined)}</span></span>
                <span role="cell" className="ellipsis" title={r.error ? r.error.message : undefined}>{r.flowName}</span>
                <span role="cell" className="muted">{r.trigger}{r.mode !== 'manual' && r.mode !== r.trigger ? ` · ${r.mode}` : ''}</span>
                <span role="cell" title={formatDateTime(r.startedAt)}>{formatRelative(r.startedAt)}</span>
                <span role="cell" className="num">{formatDuration(r.durationMs)}</span>
                <span role="cell" className="num">{r.itemsOut === undefined ? '—' : count(r.itemsOut)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
