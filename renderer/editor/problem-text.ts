import type { Problem } from '../../engine/api';
import type { FlowFile } from '../../engine/flow/types';

export interface ProblemLine { key: string; nodeId?: string; where: string; message: string }

/** "“HTTP Request” › params.url" — names the node and the field, not a JSON index. */
export function describeProblems(flow: FlowFile | undefined, problems: Problem[]): ProblemLine[] {
  return problems.map((p, i) => {
    const m = /^\$\.nodes\[(\d+)\]\.?(.*)$/.exec(p.path);
    const node = m && flow ? flow.nodes[Number(m[1])] : undefined;
    if (node) return { key: `${i}`, nodeId: node.id, where: `“${node.name}”${m![2] ? ` › ${m![2]}` : ''}`, message: p.message };
    const e = /^\$\.edges\[(\d+)\]/.exec(p.path);
    const edge = e && flow ? flow.edges[Number(e[1])] : undefined;
    if (edge && flow) {
      const name = (id: string) => flow.nodes.find((n) => n.id === id)?.name ?? id;
      return { key: `${i}`, where: `Connection “${name(edge.from.node)}” → “${name(edge.to.node)}”`, message: p.message };
    }
    return { key: `${i}`, where: p.path === '$' || p.path === '$.edges' ? 'Flow' : p.path.replace(/^\$\./, ''), message: p.message };
  });
}
