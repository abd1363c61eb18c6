import type { NodePorts, Problem } from '../../engine/api';
import type { FlowFile } from '../../engine/flow/types';
import type { Slice } from './editor-store';

export interface CheckSlice {
  problems: Problem[];
  /** Problems by the node id and edge id each problem names. */
  problemsByNode: Record<string, Problem[]>;
  problemsByEdge: Record<string, Problem[]>;
  /** The flow the problems belong to; autosave waits until it is the current one. */
  checkedFlow?: FlowFile;
  /** Each node's ports as the engine computed them from its params (Switch rules…). */
  ports: Record<string, NodePorts>;
  setProblems(checked: FlowFile, problems: Problem[], ports?: Record<string, NodePorts>): void;
}

export const createCheckSlice: Slice<CheckSlice> = (set) => ({
  problems: [],
  problemsByNode: {},
  problemsByEdge: {},
  ports: {},
  setProblems: (checked, problems, ports = {}) => {
    const byNode: Record<string, Problem[]> = {};
    const byEdge: Record<string, Problem[]> = {};
    for (const p of problems) {
      if (p.nodeId !== undefined) (byNode[p.nodeId] ??= []).push(p);
      if (p.edgeId !== undefined) (byEdge[p.edgeId] ??= []).push(p);
    }
    set({ problems, problemsByNode: byNode, problemsByEdge: byEdge, checkedFlow: checked, ports });
  },
});

// Problems that make a file unsafe to write unattended; a half-filled field is not one of them.
const BLOCKING = new Set(['flow.json', 'flow.schema', 'flow.duplicate-id', 'flow.duplicate-name', 'flow.dangling-edge', 'flow.cycle']);

/** Whether autosave may write this flow: checked, named, and structurally sound. */
export const isValidEnough = (s: { flow: FlowFile; checkedFlow?: FlowFile; problems: Problem[] }) =>
  s.checkedFlow === s.flow && s.flow.name.trim() !== '' && !s.problems.some((p) => BLOCKING.has(p.code));
