import type { NodeDescription, Problem } from '../../engine/api';
import type { FlowFile } from '../../engine/flow/types';
import { labelPath, wordsOf } from '../inspector/form-model';
import { dotted } from '../inspector/problem-paths';

export interface ProblemLine { key: string; nodeId?: string; where: string; message: string }

type Catalog = ReadonlyMap<string, NodeDescription>;

/** A path inside a node in the inspector's words: `params.fields[0].value` → "Fields › #1 › Value". */
function fieldWords(nodePath: string, description: NodeDescription | undefined): string {
  const rel = dotted(nodePath);
  if (rel.startsWith('params.') || rel === 'params') return labelPath(description?.params, rel.slice('params.'.length));
  return rel.split('.').map((seg) => (/^\d+$/.test(seg) ? `#${Number(seg) + 1}` : wordsOf(seg))).join(' › ');
}

/** "“HTTP Request” › URL" — names the node and the inspector's field label, never a JSON index. */
export function describeProblems(flow: FlowFile | undefined, problems: Problem[], catalog?: Catalog): ProblemLine[] {
  const nodeOf = (id: string) => flow?.nodes.find((n) => n.id === id);
  return problems.map((p, i) => {
    const node = p.nodeId !== undefined ? nodeOf(p.nodeId) : undefined;
    if (node) {
      const field = p.nodePath ? fieldWords(p.nodePath, catalog?.get(node.type)) : '';
      return { key: `${i}`, nodeId: node.id, where: `“${node.name}”${field ? ` › ${field}` : ''}`, message: p.message };
    }
    const edge = p.edgeId !== undefined ? flow?.edges.find((e) => e.id === p.edgeId) : undefined;
    if (edge) return { key: `${i}`, where: `Connection “${nodeOf(edge.from.node)?.name ?? edge.from.node}” → “${nodeOf(edge.to.node)?.name ?? edge.to.node}”`, message: p.message };
    return { key: `${i}`, where: /^\$(\.(nodes|edges)\b.*)?$/.test(p.path) ? 'Flow' : fieldWords(p.path.replace(/^\$\.?/, ''), undefined), message: p.message };
  });
}

/** The reason a run did not start, in the words of the problems list (the engine's text has file paths). */
export function cannotRunText(flow: FlowFile, problems: Problem[], catalog?: Catalog): string {
  const lines = describeProblems(flow, problems, catalog);
  const head = `The flow cannot run until ${lines.length === 1 ? 'this problem is' : `these ${lines.length} problems are`} fixed:`;
  return [head, ...lines.map((l) => `${l.where}: ${l.message}`)].join('\n');
}
