import { memo, useState } from 'react';
import type { FlowSummary, TriggerStatusDto } from '../../engine/api';
import { TriggerCell } from '../triggers/TriggerCell';
import { formatRelative, STATUS_LABEL } from '../app/format';
import { MenuButton } from '../app/MenuButton';
import { navigate } from '../app/router';

export interface FlowRowActions {
  rename(id: string, name: string): void;
  duplicate(f: FlowSummary): void;
  exportFlow(f: FlowSummary): void;
  remove(f: FlowSummary): void;
}

/** One flow in the list: opens on click or Enter; rename happens in place. */
function FlowRowImpl({ flow, actions, trigger }: { flow: FlowSummary; actions: FlowRowActions; trigger?: TriggerStatusDto }) {
  const [draft, setDraft] = useState<string | undefined>();
  const open = () => navigate({ screen: 'editor', flowId: flow.id });
  const commit = () => {
    const name = draft?.trim();
    setDraft(undefined);
    if (name && name !== flow.name) actions.rename(flow.id, name);
  };
  return (
    <tr className="flow-row" data-testid={`flow-row-${flow.name}`} tabIndex={0} onClick={draft === undefined ? open : undefined}
      onKeyDown={(e) => { if (e.key === 'Enter' && e.target === e.currentTarget) open(); }} aria-label={`Open ${flow.name}`}>
      <td className="col-name">
        {draft === undefined ? <span className="flow-row-name">{flow.name}</span> : (
          <input className="input" autoFocus value={draft} aria-label="New name" data-testid="flow-rename-input"
            onClick={(e) => e.stopPropagation()} onChange={(e) => setDraft(e.target.value)} onBlur={commit}
            onFocus={(e) => e.target.select()}
            onKeyDown={(e) => { e.stopPropagation(); if (e.key === 'Enter') commit(); if (e.key === 'Escape') setDraft(undefined); }} />
        )}
        <span className="flow-row-file subtle">{flow.file}</span>
      </td>
      <td className="col-num">{flow.nodeCount}</td>
      <td className="col-time" title={new Date(flow.updatedAt).toLocaleString()}>{formatRelative(flow.updatedAt)}</td>
      <td className="col-status">
        {flow.lastRun ? (
          <span className="badge" data-status={flow.lastRun.status} title={new Date(flow.lastRun.startedAt).toLocaleString()}>
            <span className="dot" />{STATUS_LABEL[flow.lastRun.status] ?? flow.lastRun.status} · {formatRelative(flow.lastRun.startedAt)}
          </span>
        ) : <span className="subtle">Never run</span>}
      </td>
      <TriggerCell status={trigger} />
      <td className="col-actions" onClick={(e) => e.stopPropagation()}>
        <MenuButton label={`Actions for ${flow.name}`} testId={`flow-menu-${flow.name}`} actions={[
          { label: 'Open', run: open },
          { label: 'Rename', run: () => setDraft(flow.name), testId: 'flow-action-rename' },
          { label: 'Duplicate', run: () => actions.duplicate(flow), testId: 'flow-action-duplicate' },
          { label: 'Export…', run: () => actions.exportFlow(flow), testId: 'flow-action-export' },
          { label: 'Delete', run: () => actions.remove(flow), isDanger: true, testId: 'flow-action-delete' },
        ]} />
      </td>
    </tr>
  );
}

export const FlowRow = memo(FlowRowImpl);
