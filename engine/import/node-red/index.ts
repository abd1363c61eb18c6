/**
 * Node-RED import: a flows export becomes one Junction flow per tab.
 *
 * The msg → item rule: a Node-RED message becomes one Junction item whose json holds the
 * message's properties, so `msg.payload` is `$json.payload` and `msg.topic` is `$json.topic`.
 * A node that sends N messages gives N items; a function node runs once per item with
 * `msg` = that item's json. Each imported flow's report says so in one info line.
 *
 * What is not a node: tabs (flows), subflow definitions (inlined at each instance), groups
 * (dropped with a line), config nodes (folded into a line, or a connection to map), junctions
 * and link in/out pairs (turned into direct edges). Nodes whose `z` names no tab in the file
 * form one flow per missing tab; nodes without `z` one flow of their own.
 */
import type { ImportResult } from '../types';
import { FlowBuilder } from './builder';
import { configRefs, foldConfig, missingConfigRefs } from './config';
import { expand, isPlaceable, type Placed } from './expand';
import { placeholder, type Mapped, type MapInput } from './mapping';
import { mapperFor, typeLabel } from './mappers';
import { parseExport, type NrNode, type Sourced } from './source';
import { breakCycles, reach, wire, type Landed } from './wiring';

const MSG_RULE = 'Node-RED messages became items: msg.payload is $json.payload, msg.topic is $json.topic, and every other msg property is the same field of the item\'s json.';

export function importNodeRed(text: string, opts: { fileName?: string } = {}): ImportResult {
  try {
    return importExport(text, opts);
  } catch (e) {
    // Every part reads defensively; this is the last guard that keeps a stack trace from the person.
    const message = `${opts.fileName ?? 'the file'} could not be imported: ${(e as Error)?.message ?? String(e)}`;
    return { source: 'node-red', flows: [], notes: [{ severity: 'error', kind: 'file', path: '$', message }] };
  }
}

function importExport(text: string, opts: { fileName?: string }): ImportResult {
  const parsed = parseExport(text, opts.fileName);
  if (!parsed.ok) return { source: 'node-red', flows: [], notes: parsed.notes };
  const notes = [...parsed.notes];
  const base = (opts.fileName ?? 'Node-RED flow').replace(/^.*[\\/]/, '').replace(/\.json$/i, '') || 'Node-RED flow';

  const tabs = parsed.nodes.filter((s) => s.node.type === 'tab');
  const subflows = new Map(parsed.nodes.filter((s) => s.node.type === 'subflow').map((s) => [s.node.id, s]));
  const config = new Map(parsed.nodes.filter((s) => !isPlaceable(s.node) && !['tab', 'subflow', 'group'].includes(s.node.type)).map((s) => [s.node.id, s]));
  const allIds = new Set(parsed.nodes.map((s) => s.node.id));
  const configNodes = new Map([...config].map(([id, s]) => [id, s.node]));
  const innerOf = new Map<string, Sourced[]>();
  const top: Sourced[] = [];
  for (const s of parsed.nodes) {
    if (!isPlaceable(s.node)) continue;
    if (s.node.z && subflows.has(s.node.z)) innerOf.set(s.node.z, [...(innerOf.get(s.node.z) ?? []), s]);
    else top.push(s);
  }
  const flowKey = (n: { z?: string }) => (typeof n.z === 'string' ? n.z : '');
  const { placed, passages, notes: expandNotes, usedSubflows } = expand(top, subflows, innerOf, flowKey);

  // One builder per tab, in file order, then per missing tab the nodes name.
  const builders = new Map<string, FlowBuilder>();
  const tabOf = new Map(tabs.map((t) => [t.node.id, t]));
  const textOf = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  for (const t of tabs) builders.set(t.node.id, new FlowBuilder(`node-red-${t.node.id}`, textOf(t.node.label) ?? textOf(t.node.name) ?? base));
  for (const p of [...placed, ...passages.values()]) {
    if (builders.has(p.flow)) continue;
    const missing = [...placed, ...passages.values()].some((q) => q.flow !== p.flow && !tabOf.has(q.flow)) && !tabOf.has(p.flow);
    builders.set(p.flow, new FlowBuilder(`node-red-${p.flow || 'nodes'}`, missing ? `${base} (${p.flow || 'no tab'})` : base));
    if (p.flow) notes.push({ severity: 'info', kind: 'file', path: '$', message: `nodes name the tab ${JSON.stringify(p.flow)}, which is not in the file; they form the flow "${builders.get(p.flow)!.name}"` });
  }

  for (const { flow, ...note } of expandNotes) builders.get(flow)!.notes.push(note);

  const landed = new Map<string, Landed>();
  const byFlow = new Map<string, Landed[]>();
  for (const p of placed) {
    const l: Landed = { placed: p };
    landed.set(p.id, l);
    byFlow.set(p.flow, [...(byFlow.get(p.flow) ?? []), l]);
  }

  for (const [key, b] of builders) {
    const tab = tabOf.get(key)?.node;
    const list = byFlow.get(key) ?? [];
    const answersHttp = list.some((l) => l.placed.node.type === 'http response');
    for (const l of list) {
      if (l.placed.node.type === 'catch' || l.placed.node.type === 'status') continue;
      l.mapped = mapOne(b, l.placed, configNodes, answersHttp, tab?.disabled === true);
    }
    for (const l of list) if (l.placed.node.type === 'catch' || l.placed.node.type === 'status') handleCatchOrStatus(b, l, list, landed, passages);
    wire(b, list, landed, passages);
    breakCycles(b);
    if (tab?.disabled) b.note('warning', 'option', `${tabOf.get(key)!.path}.disabled`, 'the tab is disabled in Node-RED; every node of the flow was imported disabled (a disabled Junction node passes its items on)');
    if (tab && typeof tab.info === 'string' && tab.info.trim()) b.note('info', 'option', `${tabOf.get(key)!.path}.info`, `the tab's description: ${tab.info.trim().slice(0, 2000)}`);
    // Config nodes used here.
    const users = new Map<Sourced, string[]>();
    for (const l of list) for (const c of configRefs(l.placed.node, config)) users.set(c, [...(users.get(c) ?? []), b.node(l.mapped?.primary ?? '')?.name ?? l.placed.id]);
    for (const [c, names] of users) foldConfig(b, c, names);
    for (const l of list) {
      for (const [key, id] of missingConfigRefs(l.placed.node, config, allIds)) {
        b.note('warning', 'node', `${l.placed.path}.${key}`, `refers to the config node ${JSON.stringify(id)}, which is not in the file; set up what it configured by hand`, l.mapped?.primary);
      }
    }
    if (list.length) b.note('info', 'file', tabOf.get(key)?.path ?? '$', MSG_RULE);
  }

  // Config nodes no flow uses, groups, and subflow definitions: one line each.
  const used = new Set([...builders.values()].flatMap((b) => b.imported.filter((i) => i.outcome === 'folded').map((i) => i.path)));
  for (const c of config.values()) if (!used.has(c.path)) notes.push({ severity: 'info', kind: 'node', path: c.path, message: `${c.node.type} config node is used by no node of the file; left out` });
  for (const s of parsed.nodes) {
    if (s.node.type === 'group') notes.push({ severity: 'info', kind: 'node', path: s.path, message: `the group ${JSON.stringify(s.node.name || s.node.id)} was dropped: Junction has no groups (sticky notes can label areas)` });
    if (s.node.type === 'subflow') {
      notes.push({ severity: 'info', kind: 'node', path: s.path, message: usedSubflows.has(s.node.id)
        ? `the subflow ${JSON.stringify(s.node.name || s.node.id)} was inlined into each flow that uses it`
        : `the subflow ${JSON.stringify(s.node.name || s.node.id)} is used by no node of the file; left out` });
    }
  }
  const byPath = new Map(parsed.nodes.map((s) => [s.path, s]));
  const recorded = new Set<string>();
  for (const p of passages.values()) {
    const b = builders.get(p.flow)!;
    const src = byPath.get(p.path);
    if (!src || recorded.has(p.path)) continue;
    recorded.add(p.path);
    b.imported.push({ sourceName: nameOf(src.node), sourceType: src.node.type, path: p.path, outcome: 'folded' });
    if (src.node.type.startsWith('subflow:')) {
      const def = subflows.get(src.node.type.slice('subflow:'.length))!.node;
      b.note('info', 'node', p.path, `this instance of the subflow ${JSON.stringify(def.name || def.id)} was replaced by the subflow's nodes, wired in its place`);
    }
  }
  for (const [id, inner] of innerOf) {
    if (usedSubflows.has(id)) continue;
    for (const s of inner) notes.push({ severity: 'info', kind: 'node', path: s.path, message: `belongs to the subflow ${JSON.stringify(subflows.get(id)?.node.name || id)}, which no node uses; left out` });
  }
  return { source: 'node-red', flows: [...builders.values()].map((b) => b.result()), notes };
}

const nameOf = (n: { id: string; name?: string }) => (n.name ? `${n.id} (${n.name})` : n.id);

function mapOne(b: FlowBuilder, p: Placed, configById: Map<string, NrNode>, answersHttp: boolean, tabDisabled: boolean) {
  const n = p.node;
  const settings = { ...(n.d === true || tabDisabled ? { disabled: true } : {}), ...(typeof n.info === 'string' && n.info.trim() && n.type !== 'comment' ? { notes: n.info } : {}) };
  const m: MapInput = {
    b, node: n, path: p.path, id: p.id, name: n.name || typeLabel(n.type), settings, config: configById,
    report: (severity, kind, path, message) => b.note(severity, kind, path, p.via ? `${message} (inside subflow ${p.via})` : message, p.id),
  };
  if (n.d === true) m.report('warning', 'option', `${p.path}.d`, 'is disabled: a disabled Junction node passes its items on, where Node-RED stopped messages at it; delete the node or its wires if they must stop');
  let mapped: Mapped;
  try {
    mapped = mapperFor(n.type, answersHttp)(m);
  } catch (e) {
    // A field of an unexpected shape: the node is kept as a placeholder rather than lost.
    m.report('error', 'node', p.path, `could not be read (${(e as Error).message}); kept as a placeholder`);
    mapped = placeholder({ ...m, id: b.node(m.id) ? `${m.id}-source` : m.id }, 'has settings of an unexpected shape');
  }
  b.imported.push({ sourceName: `${p.via ? `${p.via} / ` : ''}${nameOf(n)}`, sourceType: n.type, path: p.path, nodeId: mapped.primary, junctionType: mapped.type, outcome: mapped.outcome });
  return mapped;
}

/**
 * catch → the error output of each node in its scope (all nodes of the tab when unscoped),
 * wired to what the catch node was wired to. status has no equivalent and is reported.
 */
function handleCatchOrStatus(b: FlowBuilder, l: Landed, list: Landed[], landed: Map<string, Landed>, passages: Parameters<typeof reach>[1]): void {
  const n = l.placed.node;
  const record = (outcome: 'folded' | 'dropped') => b.imported.push({ sourceName: nameOf(n), sourceType: n.type, path: l.placed.path, outcome });
  if (n.type === 'status') {
    record('dropped');
    b.note('warning', 'node', l.placed.path, 'a status node reacts to the status of other nodes, which Junction nodes do not report; left out, and the nodes it fed get no input from it');
    return;
  }
  record('folded');
  // scope: a list of node ids, "group" (the nodes of the catch node's group), or null (the whole tab).
  const scope = Array.isArray(n.scope) ? new Set(n.scope as string[])
    : n.scope === 'group' ? new Set(list.filter((o) => o.placed.node.g !== undefined && o.placed.node.g === n.g).map((o) => o.placed.node.id)) : undefined;
  const targets = reach(l.placed.wires[0] ?? [], passages).nodes.map((id) => landed.get(id)?.mapped?.input).filter((x): x is string => !!x);
  let count = 0;
  for (const other of list) {
    const m = other.mapped;
    if (!m?.input || m.outcome !== 'mapped' || other === l || (scope && !scope.has(other.placed.node.id))) continue;
    const node = b.node(m.primary)!;
    node.settings = { ...node.settings, onError: 'errorPort' };
    // A node the catch feeds would catch its own errors in a loop: its error output stays unwired.
    for (const t of targets) if (t !== m.input) b.connect({ node: m.primary, port: 'error' }, t);
    count++;
  }
  if (n.uncaught) b.note('info', 'option', `${l.placed.path}.uncaught`, 'catches only errors no other catch node handles; here it takes the errors of its whole scope');
  b.note('info', 'node', l.placed.path, `the catch node became the error output of ${count} node${count === 1 ? '' : 's'}, wired to what it was wired to; the error items hold the failed item and the error, not Node-RED's msg.error`, targets[0]);
}
