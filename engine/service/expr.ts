import type { FieldPathInfo, Handlers, Out } from '../api';
import type { FlowFile, NodeLookup } from '../flow';
import type { RunStore } from '../store';
import { JunctionError, toErrorInfo } from '../sdk/errors';
import type { Clock } from '../sdk/types';
import type { PreviewHost } from '../worker/preview-host';
import type { PortItems, PreviewData } from '../worker/protocol';
import type { Runs } from './runs';

export interface ExprDeps {
  types: NodeLookup;
  runs: Runs;
  store: RunStore;
  clock: Clock;
  env: Record<string, string>;
  /** The workspace's `$vars`, read when a preview is asked for. */
  vars: () => Record<string, unknown>;
  /** Where previews and path listings are computed: never this thread, since an expression may be hostile. */
  previews: PreviewHost;
}

type ExprHandlers = Pick<Handlers, 'expr.paths' | 'expr.preview'>;

/** Autocomplete and live preview of expressions, from the last run's data or pinned data. */
export function exprHandlers({ types, runs, store, clock, env, vars, previews }: ExprDeps): ExprHandlers {
  const nodeOf = (flow: FlowFile, nodeId: string) => {
    const node = flow.nodes.find((n) => n.id === nodeId);
    if (!node) throw new JunctionError('flow.node-not-found', `There is no node with the id "${nodeId}" in this flow`, { path: 'nodeId' });
    return node;
  };

  /** The newest run's data, named so the preview process keeps it until a newer run (or the same one, finished) comes. */
  const runData = (flow: FlowFile): { key: string; get(): PreviewData } => {
    const mem = runs.latest(flow.id);
    if (!mem) return { key: 'none', get: () => ({ key: 'none', outputs: new Map(), inputs: new Map() }) };
    const key = `${mem.runId}:${mem.isDone}`;
    return {
      key,
      get: () => ({
        key, runId: mem.runId, outputs: mem.outputs,
        inputs: new Map([...mem.nodes].flatMap(([id, byIteration]): [string, PortItems][] => {
          const first = byIteration.get(0);
          return first ? [[id, first.input]] : [];
        })),
      }),
    };
  };

  return {
    async 'expr.paths'({ flow, nodeId }) {
      nodeOf(flow, nodeId);
      try {
        return await previews.ask<{ fields: FieldPathInfo[] }>({ type: 'paths', flow, nodeId }, runData(flow));
      } catch (e) {
        // Autocomplete is a convenience: data that cannot be listed in time offers no paths.
        if (e instanceof JunctionError && /^expr\.(timeout|memory|process)$/.test(e.code)) return { fields: [] };
        throw e;
      }
    },

    async 'expr.preview'({ flow, nodeId, expression }) {
      const node = nodeOf(flow, nodeId);
      const mainPort = types.get(node.type, node.version)?.inputs[0] ?? 'main';
      const context = { vars: vars(), env, state: store.state.load(flow.id, node.id), nowMs: clock.now() };
      try {
        return await previews.ask<Out<'expr.preview'>>({ type: 'preview', flow, nodeId, mainPort, expression, context }, runData(flow));
      } catch (e) {
        // Stopped at its deadline or memory cap: the preview shows why, like any other expression error.
        return { error: toErrorInfo(e), hasData: hasInput(flow, nodeId, mainPort) };
      }
    },
  };

  /** Whether the node has input items to preview with (the run's, or its upstream nodes' run or pinned data). */
  function hasInput(flow: FlowFile, nodeId: string, mainPort: string): boolean {
    const mem = runs.latest(flow.id);
    if (mem?.nodes.get(nodeId)?.get(0)?.input[mainPort]?.length) return true;
    return flow.edges.some((e) => e.to.node === nodeId && e.to.port === mainPort
      && ((mem?.outputs.get(e.from.node)?.[e.from.port]?.length ?? 0) > 0 || (flow.pinned?.[e.from.node]?.length ?? 0) > 0));
  }
}
