import { checkTemplate, referencedNodes } from '../expr';
import type { Problem } from '../sdk/schema';
import type { NodeType } from '../sdk/types';
import { checkShape } from './check-shape';
import { analyzeGraph } from './graph';
import { clip, MAX_FLOW_DEPTH, MAX_LOOP_NESTING, valueNestingOver } from './limits';
import { capProblems } from './problem-list';
import { locateProblems } from './locate';
import { withErrorPort } from './ports';
import type { FlowFile } from './types';
import { walkExpressions } from './walk-params';

/** What validation needs to know about node types. */
export interface NodeLookup {
  get(type: string, version: number): NodeType | undefined;
  versions(type: string): number[];
}

export interface Validation {
  /** The flow with defaults filled in, when the file is structurally sound. */
  flow?: FlowFile;
  problems: Problem[];
}

/** Ports a node offers, given its settings: the `error` port appears with onError = errorPort. */
export function outputPorts(type: NodeType, node: FlowFile['nodes'][number]): string[] {
  return withErrorPort(type.outputsFor(node.params ?? {}), node.settings);
}

/**
 * Validates a parsed flow document fully, in one pass, reporting every problem with its JSON
 * path (at most MAX_PROBLEMS of them). Time and memory grow linearly with the file.
 */
export function validateFlow(doc: unknown, types: NodeLookup): Validation {
  // Checked first: every later step walks the document, some of them recursively.
  const deep = valueNestingOver(doc);
  if (deep) return { problems: [{ path: deep, code: 'flow.too-deep', message: `nests objects and lists more than ${MAX_FLOW_DEPTH} levels deep; a flow file may not` }] };
  const problems = checkShape(doc);
  if (problems.length) return { problems: locateProblems(doc, capProblems(problems)) };
  const flow = withDefaults(doc as FlowFile);
  const add = (path: string, message: string, code: string, position?: number) =>
    problems.push({ path, message, code, ...(position === undefined ? {} : { position }) });
  const q = (text: string) => `"${clip(text)}"`;

  const byId = new Map<string, { index: number; type?: NodeType }>();
  const names = new Map<string, number>();
  const allNames = new Set(flow.nodes.map((n) => n.name));
  flow.nodes.forEach((node, i) => {
    const path = `$.nodes[${i}]`;
    if (byId.has(node.id)) add(`${path}.id`, `duplicates the id ${q(node.id)} of the node ${q(flow.nodes[byId.get(node.id)!.index].name)}`, 'flow.duplicate-id');
    if (names.has(node.name)) add(`${path}.name`, `${q(node.name)} is also the name of another node; names must be unique because expressions refer to nodes by name`, 'flow.duplicate-name');
    names.set(node.name, i);
    const type = types.get(node.type, node.version);
    byId.set(node.id, { index: i, type });
    if (!type) {
      const known = types.versions(node.type);
      if (known.length) add(`${path}.version`, `version ${node.version} of ${q(node.type)} is not known here; this app has version ${known.join(', ')}`, 'flow.unknown-version');
      else add(`${path}.type`, `unknown node type ${q(node.type)}`, 'flow.unknown-type');
      return;
    }
    const { value, problems: paramProblems } = type.validate(node.params);
    node.params = value;
    for (const p of paramProblems) add(`${path}.${p.path}`, p.message, p.code);
    walkExpressions(type.paramSpec, node.params, `${path}.params`, (source, at) => {
      const bad = checkTemplate(source);
      if (bad) add(at, `${bad.message}${bad.hint ? ` (${bad.hint})` : ''}`, bad.code, bad.position);
      else for (const ref of referencedNodes(source)) {
        if (!allNames.has(ref)) add(at, `refers to a node named ${q(ref)}, and there is none`, 'expr.unknown-node');
      }
    });
  });

  const edgeIds = new Set<string>();
  flow.edges.forEach((edge, i) => {
    const path = `$.edges[${i}]`;
    if (edgeIds.has(edge.id)) add(`${path}.id`, `duplicates the edge id ${q(edge.id)}`, 'flow.duplicate-id');
    edgeIds.add(edge.id);
    const from = byId.get(edge.from.node);
    const to = byId.get(edge.to.node);
    if (!from) add(`${path}.from.node`, `points to a node ${q(edge.from.node)} that does not exist`, 'flow.dangling-edge');
    else if (from.type) {
      const ports = outputPorts(from.type, flow.nodes[from.index]);
      if (!ports.includes(edge.from.port)) add(`${path}.from.port`, `${q(flow.nodes[from.index].name)} has no output ${q(edge.from.port)} (it has ${clip(ports.join(', '), 200) || 'none'})`, 'flow.bad-port');
    }
    if (!to) add(`${path}.to.node`, `points to a node ${q(edge.to.node)} that does not exist`, 'flow.dangling-edge');
    else if (to.type && !to.type.inputs.includes(edge.to.port)) {
      add(`${path}.to.port`, `${q(flow.nodes[to.index].name)} has no input ${q(edge.to.port)} (it has ${to.type.inputs.join(', ') || 'none'})`, 'flow.bad-port');
    }
  });

  const graph = analyzeGraph(flow, (id) => byId.get(id)?.type?.control === 'loop');
  const nameOf = (id: string) => flow.nodes[byId.get(id)!.index].name;
  for (const cycle of graph.cycles) {
    add('$.edges', `the nodes ${clip(cycle.map((id) => q(nameOf(id))).join(' → '), 400)} form a cycle; only a Loop node may lead back to an earlier node`, 'flow.cycle');
  }
  for (const { loop, node } of graph.loopConflicts) {
    add(`$.nodes[${byId.get(node)!.index}]`, `${q(nameOf(node))} is reached both inside ${q(nameOf(loop))} (batch) and after it (done)`, 'flow.loop-conflict');
  }
  if (graph.loopNestingOver) {
    add(`$.nodes[${byId.get(graph.loopNestingOver)!.index}]`, `${q(nameOf(graph.loopNestingOver))} is inside more than ${MAX_LOOP_NESTING} loops; loops may nest at most ${MAX_LOOP_NESTING} deep`, 'flow.loop-nesting');
  }
  for (const id of Object.keys(flow.pinned)) {
    if (!byId.has(id)) add(`$.pinned.${clip(id)}`, `pins data for a node ${q(id)} that does not exist`, 'flow.dangling-pin');
  }
  return { flow, problems: locateProblems(flow, capProblems(problems)) };
}

function withDefaults(doc: FlowFile): FlowFile {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => ({ ...n, params: n.params ?? {} })),
    settings: doc.settings ?? {},
    pinned: doc.pinned ?? {},
    notes: doc.notes ?? [],
  };
}
