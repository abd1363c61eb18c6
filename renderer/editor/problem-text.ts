import type { Problem } from '../../engine/api';
import type { FlowFile } from '../../engine/flow/types';

export interface ProblemLine { key: string; nodeId?: string; where: string; message: string }

/** "“HTTP Request” › params.url" — names the node and the field, not a JSON index. */
export function describeProblems(flow: FlowFile | undefined, problems: Problem[]): ProblemLine[] {
  const nameOf = (id: string) => flow?.nodes.find((n) => n.id === id)?.name;
  return problems.map((p, i) => {
    const name = p.nodeId !== undefined ? nameOf(p.nodeId) : undefined;
    if (p.nodeId !== undefined && name !== undefined) return { key: `${i}`, nodeId: p.nodeId, where: `“${name}”${p.nodePath ? ` › ${p.nodePath}` : ''}`, message: p.message };
    const edge = p.edgeId !== undefined ? flow?.edges.find((e) => e.id === p.edgeId) : undefined;
    if (edge) return { key: `${i}`, where: `Connection “${nameOf(edge.from.node) ?? edge.from.node}” → “${nameOf(edge.to.node) ?? edge.to.node}”`, message: p.message };
    return { key: `${i}`, where: p.path === '$' || p.path === '$.edges' ? 'Flow' : p.path.replace(/^\$\./, ''), message: p.message };
  });
}
