/**
 * The node inspector: a form generated from the node type's params schema, plus the settings
 * every node has. It owns no flow state; every edit goes out as a whole next node.
 */
import { useId, useMemo, useState } from 'react';
import type { Problem } from '../../engine/sdk/schema';
import { CurlActions } from './CurlActions';
import { FilePreview } from './FilePreview';
import { sentence } from './form-model';
import { ObjectFields } from './fields/ObjectControl';
import { NextFires } from '../triggers/NextFires';
import { InspectorEnvContext, type InspectorEnv } from './inspector-env';
import { dotted, placeProblems } from './problem-paths';
import { CredentialSlots } from './CredentialSlots';
import { SettingsTab } from './SettingsTab';
import type { InspectorProps } from './types';
import { tabPanelProps, Tabs } from './ui/Tabs';
import { useExprContext } from './use-expr-context';
import { useDbColumns } from './db-columns';
import './ui.css';
import './inspector.css';

type Tab = 'params' | 'settings';

export function Inspector({ flow, node, description, problems, onChange, api }: InspectorProps) {
  const [tab, setTab] = useState<Tab>('params');
  const idPrefix = `insp${useId().replace(/[^\w]/g, '')}`;
  const expr = useExprContext(api, flow, node.id);
  const db = useDbColumns(api, node);
  const placed = useMemo(() => placeProblems(problems, node.id, description?.params, node.params), [problems, node.id, description, node.params]);
  // Problems outside params, keyed like the settings form's paths (`name`, `settings.retry.attempts`).
  const nodeLevel = useMemo(() => placed.other.map((p) => ({ ...p, rel: dotted(p.nodePath ?? '') })), [placed]);
  const headerProblems = nodeLevel.filter((p) => p.rel !== 'name' && !p.rel.startsWith('settings'));
  const paramCount = [...placed.byField.values()].reduce((n, list) => n + list.length, 0);

  const env: InspectorEnv = {
    api, flow, nodeId: node.id, idPrefix, exprContext: expr.get, dataVersion: expr.dataVersion,
    problemsAt: (path) => placed.byField.get(path) ?? [], suggestionsFor: db.suggestionsFor,
  };
  const settingsProblemsAt = (path: string): Problem[] => nodeLevel.filter((p) => p.rel === path);
  const isVersionOff = description && description.version !== node.version;

  return (
    <InspectorEnvContext.Provider value={env}>
      <section className="jx-ui insp nokey" aria-label={`Inspector: ${node.name}`} data-testid="inspector">
        <header className="insp-header">
          <div className="insp-title-row">
            <h2 className="insp-title" title={node.name}>{node.name}</h2>
            {node.settings?.disabled && <span className="ui-badge">Disabled</span>}
          </div>
          <div className="insp-subtitle">
            {description?.title ?? 'Unknown node type'} · <code>{node.type}</code> v{node.version}
            {isVersionOff && <span className="ui-badge is-warning" title={`This app describes version ${description.version}`}>app has v{description.version}</span>}
          </div>
          {description?.description && <p className="insp-desc">{description.description}</p>}
          {description?.streaming === 'collect' && <p className="insp-desc" data-streaming="collect">Collects all items before it runs (also when the data before it streams in batches).</p>}
          {description?.streaming === 'source' && <p className="insp-desc" data-streaming="source">Reads its output in batches: the item-by-item nodes after it handle each batch as it comes.</p>}
          {headerProblems.length > 0 && (
            <ul className="insp-problems" aria-label="Problems with this node">
              {headerProblems.map((p) => <li key={p.path + p.code}>{sentence(p.message)}</li>)}
            </ul>
          )}
        </header>
        <Tabs<Tab> idPrefix={idPrefix} ariaLabel="Inspector sections" value={tab} onChange={setTab} items={[
          { id: 'params', testId: 'insp-tab-params', label: <>Parameters{paramCount > 0 && <span className="ui-badge is-danger" aria-label={`${paramCount} problems`}>{paramCount}</span>}</> },
          { id: 'settings', testId: 'insp-tab-settings', label: 'Settings' },
        ]} />
        {/* Keyed by node: drafts and fx choices of one node never leak into the next. */}
        <div key={node.id} className="insp-body" {...tabPanelProps(idPrefix, tab)}>
          {tab === 'settings' ? (
            <SettingsTab flow={flow} node={node} problemsAt={settingsProblemsAt} onChange={onChange} />
          ) : description ? (
            <div className="insp-form">
              {(placed.byField.get('') ?? []).length > 0 && (
                <ul className="insp-problems">{placed.byField.get('')!.map((p) => <li key={p.path + p.code}>{p.message}</li>)}</ul>
              )}
              {description.credentials && <CredentialSlots slots={description.credentials} node={node} onChange={onChange} />}
              {db.error && <p className="insp-help" role="status" data-testid="db-schema-error">Tables could not be listed: {db.error}</p>}
              {Object.keys(description.params.fields ?? {}).length === 0 && !description.credentials && <p className="insp-empty">This node has no parameters.</p>}
              {node.type === 'http.request' && <CurlActions params={node.params} onChange={(params) => onChange({ ...node, params })} />}
              <ObjectFields fields={description.params.fields ?? {}} value={node.params} base="" onChange={(params) => onChange({ ...node, params })} />
              {node.type === 'trigger.schedule' && <NextFires cron={node.params.cron} timezone={node.params.timezone || flow.settings.timezone} />}
              {node.type === 'file.read' && <FilePreview api={api} nodeType={node.type} params={node.params} />}
            </div>
          ) : (
            <UnknownNode type={node.type} version={node.version} params={node.params} />
          )}
        </div>
      </section>
    </InspectorEnvContext.Provider>
  );
}

function UnknownNode({ type, version, params }: { type: string; version: number; params: Record<string, unknown> }) {
  return (
    <div className="insp-form insp-unknown" data-testid="insp-unknown">
      <p role="status">
        This app does not know the node type <code>{type}</code> (version {version}). It may come from a newer Junction or
        a plugin that is not installed. The node stays in the flow with its parameters as they are, but it cannot run.
      </p>
      <div className="insp-field-head"><span>Parameters (read-only)</span></div>
      <pre className="insp-raw" tabIndex={0} aria-label="Parameters as JSON">{JSON.stringify(params, null, 2)}</pre>
    </div>
  );
}
