import type { FieldPathInfo, Handlers } from '../api';
import { createScope } from '../exec/scope';
import { compileTemplate } from '../expr';
import { FIELD_SAMPLE_ITEMS, inferFields, upstreamOf, type FlowFile, type NodeLookup } from '../flow';
import type { RunStore } from '../store';
import { JunctionError, toErrorInfo } from '../sdk/errors';
import type { Clock, Item, Outputs } from '../sdk/types';
import type { Runs } from './runs';

/** A preview bigger than this is cut: it is read in a small box, and must cross the transport quickly. */
const MAX_PREVIEW_CHARS = 64 * 1024;

export interface ExprDeps {
  types: NodeLookup;
  runs: Runs;
  store: RunStore;
  clock: Clock;
  env: Record<string, string>;
  /** The workspace's `$vars`, read when a preview is asked for. */
  vars: () => Record<string, unknown>;
}

type ExprHandlers = Pick<Handlers, 'expr.paths' | 'expr.preview'>;

/** Field paths of sample items, for autocomplete: the inference the Schema view uses too. */
function collectPaths(samples: readonly unknown[], node: string): FieldPathInfo[] {
  return inferFields(samples).fields.map((f) => ({
    path: f.path, type: f.types.find((t) => t !== 'null') ?? 'null', node, ...(f.example !== undefined ? { example: f.example } : {}),
  }));
}

/** A value as plain JSON that crosses any transport: dates as ISO text, cycles and huge values cut. */
function plain(value: unknown): unknown {
  if (value === undefined || typeof value === 'function') return undefined;
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  } catch {
    return String(value);
  }
  if (text === undefined) return undefined;
  if (text.length > MAX_PREVIEW_CHARS) return `${text.slice(0, MAX_PREVIEW_CHARS)}… (cut at ${MAX_PREVIEW_CHARS.toLocaleString('en-US')} characters)`;
  return JSON.parse(text);
}

/** Autocomplete and live preview of expressions, from the last run's data or pinned data. */
export function exprHandlers({ types, runs, store, clock, env, vars }: ExprDeps): ExprHandlers {
  /** Each node's output: the newest run's, else its pinned items. */
  const outputsOf = (flow: FlowFile): Map<string, Outputs> => {
    const out = new Map(runs.latest(flow.id)?.outputs ?? []);
    for (const [id, items] of Object.entries(flow.pinned ?? {})) if (!out.has(id)) out.set(id, { main: items.map((json) => ({ json })) });
    return out;
  };

  const nodeOf = (flow: FlowFile, nodeId: string) => {
    const node = flow.nodes.find((n) => n.id === nodeId);
    if (!node) throw new JunctionError('flow.node-not-found', `There is no node with the id "${nodeId}" in this flow`, { path: 'nodeId' });
    return node;
  };

  return {
    async 'expr.paths'({ flow, nodeId }) {
      nodeOf(flow, nodeId);
      const outputs = outputsOf(flow);
      const fields: FieldPathInfo[] = [];
      for (const id of upstreamOf(flow, nodeId).upstream) {
        const items = Object.values(outputs.get(id) ?? {}).flat().slice(0, FIELD_SAMPLE_ITEMS).map((i) => i.json);
        const name = flow.nodes.find((n) => n.id === id)?.name ?? id;
        fields.push(...collectPaths(items, name));
      }
      return { fields };
    },

    async 'expr.preview'({ flow, nodeId, expression }) {
      const node = nodeOf(flow, nodeId);
      const mainPort = types.get(node.type, node.version)?.inputs[0] ?? 'main';
      const outputs = outputsOf(flow);
      const mem = runs.latest(flow.id);
      // The items the node received in the last run; else what its upstream nodes gave (or have pinned).
      let items: Item[] = mem?.nodes.get(nodeId)?.get(0)?.input[mainPort] ?? [];
      if (!items.length) {
        items = flow.edges.filter((e) => e.to.node === nodeId && e.to.port === mainPort)
          .flatMap((e) => outputs.get(e.from.node)?.[e.from.port] ?? []);
      }
      const { scope, at } = createScope({
        outputs, nodeIdByName: new Map(flow.nodes.map((n) => [n.name, n.id])), vars: vars(), env,
        run: { id: mem?.runId ?? 'preview', mode: 'manual' }, flow: { id: flow.id, name: flow.name },
        node: { id: node.id, name: node.name, type: node.type, version: node.version },
        state: store.state.load(flow.id, node.id), nowMs: clock.now(), timezone: flow.settings?.timezone,
      }, items);
      at(items[0], 0);
      const hasData = items.length > 0;
      try {
        const value = plain(compileTemplate(expression).evaluate(scope));
        return value === undefined ? { hasData } : { value, hasData };
      } catch (e) {
        return { error: toErrorInfo(e), hasData };
      }
    },
  };
}
