/**
 * What `expr.paths` and `expr.preview` compute, over one run's data. It runs in the preview
 * process (engine/worker), never in the service: a flow's expression may be hostile.
 */
import type { FieldPathInfo, Out } from '../api';
import { createScope } from '../exec/scope';
import { compileTemplate } from '../expr';
import { FIELD_SAMPLE_ITEMS, inferFields, upstreamOf, type FlowFile } from '../flow';
import { toErrorInfo } from '../sdk/errors';
import type { Item, Outputs } from '../sdk/types';
import type { PreviewContext, PreviewData } from '../worker/protocol';

/** A preview bigger than this is cut: it is read in a small box, and must cross the transport quickly. */
const MAX_PREVIEW_CHARS = 64 * 1024;

/** Field paths of sample items, for autocomplete: the inference the Schema view uses too (engine/flow). */
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

/** Each node's output: the newest run's, else its pinned items. */
function outputsOf(flow: FlowFile, data: PreviewData): Map<string, Outputs> {
  const out = new Map(data.outputs);
  for (const [id, items] of Object.entries(flow.pinned ?? {})) if (!out.has(id)) out.set(id, { main: items.map((json) => ({ json })) });
  return out;
}

export function pathsOf(flow: FlowFile, nodeId: string, data: PreviewData): FieldPathInfo[] {
  const outputs = outputsOf(flow, data);
  const fields: FieldPathInfo[] = [];
  for (const id of upstreamOf(flow, nodeId).upstream) {
    const items = Object.values(outputs.get(id) ?? {}).flat().slice(0, FIELD_SAMPLE_ITEMS).map((i) => i.json);
    const name = flow.nodes.find((n) => n.id === id)?.name ?? id;
    fields.push(...collectPaths(items, name));
  }
  return fields;
}

/** The expression's value for the node's first input item: the items it got in the run, else what its upstream nodes gave. */
export function previewOf(flow: FlowFile, nodeId: string, mainPort: string, expression: string, data: PreviewData, ctx: PreviewContext): Out<'expr.preview'> {
  const node = flow.nodes.find((n) => n.id === nodeId)!;
  const outputs = outputsOf(flow, data);
  let items: Item[] = data.inputs.get(nodeId)?.[mainPort] ?? [];
  if (!items.length) {
    items = flow.edges.filter((e) => e.to.node === nodeId && e.to.port === mainPort)
      .flatMap((e) => outputs.get(e.from.node)?.[e.from.port] ?? []);
  }
  const { scope, at } = createScope({
    outputs, nodeIdByName: new Map(flow.nodes.map((n) => [n.name, n.id])), vars: ctx.vars, env: ctx.env,
    run: { id: data.runId ?? 'preview', mode: 'manual' }, flow: { id: flow.id, name: flow.name },
    node: { id: node.id, name: node.name, type: node.type, version: node.version },
    state: ctx.state, nowMs: ctx.nowMs, timezone: flow.settings?.timezone,
  }, items);
  at(items[0], 0);
  const hasData = items.length > 0;
  try {
    const value = plain(compileTemplate(expression).evaluate(scope));
    return value === undefined ? { hasData } : { value, hasData };
  } catch (e) {
    return { error: toErrorInfo(e), hasData };
  }
}
