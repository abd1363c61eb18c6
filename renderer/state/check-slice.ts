import type { NodePorts, Problem } from '../../engine/api';
import type { FlowFile } from '../../engine/flow/types';
import type { Slice } from './editor-store';

export interface CheckSlice {
  problems: Problem[];
  /** Problems by node id and by edge id, resolved against the flow that was checked. */
  problemsByNode: Record<string, Problem[]>;
  problemsByEdge: Record<string, Problem[]>;
  /** The flow the problems belong to; autosave waits until it is the current one. */
  checkedFlow?: FlowFile;
  /** Each node's ports as the engine computed them from its params (Switch rules…). */
  ports: Record<string, NodePorts>;
  setProblems(checked: FlowFile, problems: Problem[], ports?: Record<string, NodePorts>): void;
}

const NODE_PATH = /^\$\.nodes\[(\d+)\]/;
const EDGE_PATH = /^\$\.edges\[(\d+)\]/;

export const createCheckSlice: Slice<CheckSlice> = (set) => ({
  problems: [],
  problemsByNode: {},
  problemsByEdge: {},
  ports: {},
  setProblems: (checked, problems, ports = {}) => {
    const byNode: Record<string, Problem[]> = {};
    const byEdge: Record<string, Problem[]> = {};
    for (const p of problems) {
      const n = NODE_PATH.exec(p.path);
      const id = n ? checked.nodes[Number(n[1])]?.id : undefined;
      if (id) (byNode[id] ??= []).push(p);
      const e = EDGE_PATH.exec(p.path);
      const edgeId = e ? checked.edges[Number(e[1])]?.id : undefined;
      if (edgeId) (byEdge[edgeId] ??= []).push(p);
    }
    set({ problems, problemsByNode: byNode, problemsByEdge: byEdge, checkedFlow: checked, ports });
  },
});

// Problems that make a file unsafe to write unattended; a half-filled field is not one of them.
const BLOCKING = new Set(['flow.json', 'flow.schema', 'flow.duplicate-id', 'flow.duplicate-name', 'flow.dangling-edge', 'flow.cycle']);

/** Whether autosave may write this flow: checked, named, and structurally sound. */
export const isValidEnough = (s: { flow: FlowFile; checkedFlow?: FlowFile; problems: Problem[] }) =>
  s.checkedFlow === s.flow && s.flow.name.trim() !== '' && !s.problems.some((p) => BLOCKING.has(p.code));

/** A node's problems with paths re-pointed at its current index (the check may predate a delete). */
export function problemsAt(problems: Problem[] | undefined, index: number): Problem[] {
  return (problems ?? []).map((p) => ({ ...p, path: p.path.replace(NODE_PATH, `$.nodes[${index}]`) }));
}
