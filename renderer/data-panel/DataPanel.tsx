/**
 * The selected node's data in a run: Input and Output, per port, as Table, JSON or Schema,
 * with run and pin actions and the node's status. Items are fetched in pages as they scroll
 * into view; pinned data shows straight from the flow.
 */
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { tabPanelProps, Tabs } from '../inspector/ui/Tabs';
import { DataActions, PinConfirm } from './DataActions';
import { hasExchanges } from './exchanges';
import { HttpExchangeView } from './HttpExchangeView';
import { ItemsTable } from './ItemsTable';
import { JsonView } from './JsonView';
import { LogsView, ParamsView } from './NodeTextViews';
import { count, portsFor, type Side } from './ports';
import { SchemaView } from './SchemaView';
import { StatusLine } from './StatusLine';
import type { DataPanelProps } from './types';
import { localSource, useItemPages, type ItemPages, type ItemSource } from './use-item-pages';
import { usePin } from './use-pin';
import '../inspector/ui.css';
import './data-panel.css';

type View = 'table' | 'json' | 'schema' | 'http';
/** Input or output items, the node's log lines, or (recorded runs) its parameters as they ran. */
type Pane = Side | 'logs' | 'params';

/** From this panel width up, Input and Output show side by side. */
const SPLIT_WIDTH = 1100;

export function DataPanel(props: DataPanelProps) {
  const { node, description, runId, nodeRun, isRunning, pinned, api } = props;
  const idPrefix = `dp${useId().replace(/[^\w]/g, '')}`;
  const hasInputs = (description?.inputs.length ?? 1) > 0;
  const [pane, setPane] = useState<Pane>('output');
  const isText = pane === 'logs' || pane === 'params';
  const { ref, width } = useWidth<HTMLElement>();
  const isSplit = hasInputs && width >= SPLIT_WIDTH;
  const side: Side = hasInputs && pane === 'input' && !isSplit ? 'input' : 'output';
  const mainOut = portsFor('output', node, description, nodeRun)[0];
  const counts = (s: Side) => (s === 'input' ? nodeRun?.itemsIn : nodeRun?.itemsOut);

  const pinnableCount = runId && nodeRun && !pinned ? nodeRun.itemsOut[mainOut] ?? 0 : 0;
  const pin = usePin(pinnableCount ? { api, runId: runId!, nodeId: node.id, port: mainOut, total: pinnableCount } : undefined, props.onPin);

  const sideCount = (s: Side) => {
    if (!nodeRun && !(s === 'output' && pinned)) return null;
    const n = s === 'output' && pinned && (!nodeRun || nodeRun.status === 'pinned') ? pinned.length : Object.values(counts(s) ?? {}).reduce((a, b) => a + b, 0);
    return <span className="dp-tab-count">{count(n)}</span>;
  };
  const dataTabs = isSplit
    ? [{ id: 'output' as const, label: <>Input{sideCount('input')} · Output{sideCount('output')}</>, testId: 'dp-output' }]
    : [
      { id: 'input' as const, label: <>Input{sideCount('input')}</>, testId: 'dp-input', isDisabled: !hasInputs, title: hasInputs ? undefined : 'This node starts the flow: it has no input' },
      { id: 'output' as const, label: <>Output{sideCount('output')}</>, testId: 'dp-output' },
    ];

  return (
    <section ref={ref} className="jx-ui dp nokey" aria-label={`Data of ${node.name}`} data-testid="data-panel" data-split={isSplit || undefined}>
      <div className="dp-bar">
        <Tabs<Pane> idPrefix={`${idPrefix}-side`} hasPanels={false} ariaLabel="Input, output or logs" value={isText ? pane : side} onChange={setPane} items={[
          ...dataTabs,
          { id: 'logs', label: <>Logs{!!nodeRun?.logs?.length && <span className="dp-tab-count">{count(nodeRun.logs.length)}</span>}</>, testId: 'dp-logs-tab' },
          ...(props.readOnly ? [{ id: 'params' as const, label: 'Parameters', testId: 'dp-params-tab' }] : []),
        ]} />
        {!props.readOnly && <DataActions isRunning={isRunning} canRunNode={!!description} isPinned={!!pinned} pinnableCount={pinnableCount} pin={pin}
          onRunFlow={props.onRunFlow} onRunNode={props.onRunNode} onRunFromHere={props.onRunFromHere} onCancel={props.onCancel} onUnpin={props.onUnpin} />}
      </div>
      <PinConfirm total={pinnableCount} pin={pin} />
      {nodeRun && <StatusLine node={node} description={description} nodeRun={nodeRun} portLabels={props.portLabels} />}
      {isText ? <div className="dp-body">{pane === 'logs' ? <LogsView nodeRun={nodeRun} /> : <ParamsView node={node} />}</div>
        : isSplit ? (
          <div className="dp-split">
            <ItemsPane {...props} side="input" hasInputs idPrefix={`${idPrefix}-in`} title="Input" />
            <ItemsPane {...props} side="output" hasInputs idPrefix={`${idPrefix}-out`} title="Output" />
          </div>
        ) : <ItemsPane {...props} side={side} hasInputs={hasInputs} idPrefix={idPrefix} />}
    </section>
  );
}

/** One side's items: its port tabs, Table / JSON / Schema, and the items themselves. */
function ItemsPane(props: DataPanelProps & { side: Side; hasInputs: boolean; idPrefix: string; title?: string }) {
  const { node, description, runId, nodeRun, pinned, api, side, hasInputs, idPrefix } = props;
  const [chosenView, setView] = useState<View>('table');
  const [chosenPort, setPort] = useState<string>();
  const ports = portsFor(side, node, description, nodeRun);
  const port = chosenPort && ports.includes(chosenPort) ? chosenPort : ports[0];
  const mainOut = portsFor('output', node, description, nodeRun)[0];
  const isPinnedView = side === 'output' && !!pinned && port === mainOut && (!nodeRun || nodeRun.status === 'pinned');
  const counts = side === 'input' ? nodeRun?.itemsIn : nodeRun?.itemsOut;
  const hasData = !!runId && !!nodeRun && nodeRun.status !== 'running';
  const known = isPinnedView ? pinned!.length : counts?.[port];

  const pinnedKey = usePinnedKey(pinned);
  const source = useMemo<ItemSource | undefined>(() => {
    if (isPinnedView) return localSource(`pinned|${node.id}|${pinnedKey}`, pinned!);
    if (!hasData) return undefined;
    return {
      key: `${runId}|${node.id}|${side}|${port}|${nodeRun!.status}|${known ?? ''}`,
      load: (offset, limit) => api.call('runs.items', { runId: runId!, nodeId: node.id, direction: side, port, offset, limit }),
    };
  }, [isPinnedView, pinnedKey, hasData, runId, node.id, side, port, nodeRun?.status, known, api]); // pinned is covered by pinnedKey
  const pages = useItemPages(source);
  // The HTTP view shows when the items carry recorded exchanges (the HTTP Request node's).
  const hasHttp = side === 'output' && hasExchanges(pages.firstPage);
  const view: View = chosenView === 'http' && !hasHttp ? 'table' : chosenView;
  const total = source && pages.status === 'ready' ? pages.total : known;

  return (
    <div className="dp-pane" data-testid={props.title ? `dp-pane-${side}` : undefined}>
      <div className="dp-viewbar">
        {props.title && <span className="dp-pane-title">{props.title}</span>}
        {ports.length > 1 && (
          <Tabs idPrefix={`${idPrefix}-port`} hasPanels={false} ariaLabel="Port" variant="pill" value={port} onChange={setPort}
            items={ports.map((p) => ({ id: p, testId: `dp-port-${p}`, label: <>{side === 'output' ? props.portLabels?.[p] ?? p : p}{counts?.[p] !== undefined && <span className="dp-tab-count">{count(counts[p])}</span>}</> }))} />
        )}
        <Tabs<View> idPrefix={`${idPrefix}-view`} ariaLabel="View" variant="pill" value={view} onChange={setView} items={[
          { id: 'table', label: 'Table', testId: 'dp-view-table' },
          { id: 'json', label: 'JSON', testId: 'dp-view-json' },
          { id: 'schema', label: 'Schema', testId: 'dp-view-schema' },
          ...(hasHttp ? [{ id: 'http' as const, label: 'HTTP', testId: 'dp-view-http' }] : []),
        ]} />
        <span className="dp-spacer" />
        {total !== undefined && source && <span className="dp-count" data-testid="dp-count">{count(total)} {total === 1 ? 'item' : 'items'}</span>}
        {pages.isSample && <span className="ui-badge is-warning" data-testid="dp-sample" title="Run history keeps a sample of each node's items; the full data of this run is no longer held">(sample)</span>}
        {pinned && (side === 'output' || !props.title) && <span className="ui-badge is-accent" data-testid="dp-pinned" title={`Runs from the editor use the ${count(pinned.length)} pinned items instead of running this node`}>Pinned</span>}
      </div>
      <div className="dp-body" {...tabPanelProps(`${idPrefix}-view`, view)}>
        <Body {...props} side={side} view={view} source={source} pages={pages} hasInputs={hasInputs} label={`${side === 'input' ? 'Input' : 'Output'} items, ${port}`} />
      </div>
    </div>
  );
}

/** The element's width, followed as it changes. */
function useWidth<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, width };
}

interface BodyProps extends DataPanelProps { side: Side; view: View; source: ItemSource | undefined; pages: ItemPages; hasInputs: boolean; label: string }

function Body({ side, view, source, pages, hasInputs, label, runId, nodeRun, isRunning, description, onRunFlow, onRunNode }: BodyProps) {
  if (side === 'input' && !hasInputs) return <Empty title="This node starts the flow, so it has no input." />;
  if (!source) {
    if (!runId) {
      return (
        <Empty title="Run the flow or this node to see data">
          <button type="button" className="ui-btn is-primary" onClick={onRunFlow} disabled={isRunning}>▶ Run flow</button>
          <button type="button" className="ui-btn" onClick={onRunNode} disabled={isRunning || !description}>Run this node</button>
        </Empty>
      );
    }
    if (nodeRun?.status === 'running' || (isRunning && !nodeRun)) return <Skeleton title={nodeRun ? 'Running…' : 'Waiting for this node to run…'} />;
    return <Empty title="This node has not run in this run" />;
  }
  if (pages.status === 'error') return <Empty title="Could not load the items" detail={pages.error} isError />;
  if (pages.status === 'loading') return <Skeleton title="Loading items…" />;
  if (pages.total === 0) {
    const why = nodeRun?.status === 'failed' ? 'The node failed before it produced items.' : nodeRun?.status === 'skipped' ? 'The node was skipped in this run.' : undefined;
    return <Empty title={side === 'input' ? 'No input items' : 'No output items'} detail={why} />;
  }
  if (pages.rows === 0) return <Empty title={`Run history kept none of these ${count(pages.total)} items`} detail="Run the flow again to see them." />;
  const shown = view === 'json' ? <JsonView pages={pages} />
    : view === 'http' ? <HttpExchangeView pages={pages} />
    : view === 'schema' ? <SchemaView pages={pages} />
    : <ItemsTable key={source.key} pages={pages} label={label} />; // a new source starts at the top, with its own column sizes
  if (pages.rows === pages.total) return shown;
  return (
    <>
      <div className="dp-note" data-testid="dp-sample-note">Run history kept the first {count(pages.rows)} of these {count(pages.total)} items.</div>
      {shown}
    </>
  );
}

function Empty({ title, detail, isError, children }: { title: string; detail?: string; isError?: boolean; children?: ReactNode }) {
  return (
    <div className="dp-empty" role="status" data-testid="dp-empty">
      <div className={isError ? 'is-error' : undefined}>{title}</div>
      {detail && <div className="is-muted">{detail}</div>}
      {children && <div className="dp-empty-actions">{children}</div>}
    </div>
  );
}

function Skeleton({ title }: { title: string }) {
  return (
    <div className="dp-skeleton" aria-busy="true" aria-label={title} data-testid="dp-loading">
      <div className="is-muted">{title}</div>
      {Array.from({ length: 8 }, (_, i) => <span key={i} className="ui-skeleton" style={{ width: `${60 + ((i * 37) % 40)}%` }} />)}
    </div>
  );
}

/** A number that changes whenever the pinned array does, to key its source. */
function usePinnedKey(pinned: unknown[] | undefined): number {
  const last = useRef<{ pinned: unknown; n: number }>({ pinned, n: 0 });
  if (last.current.pinned !== pinned) last.current = { pinned, n: last.current.n + 1 };
  return last.current.n;
}
