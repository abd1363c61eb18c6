import type { Problem } from '../sdk/schema';

const NODE_PATH = /^\$\.nodes\[(\d+)\]((?:[.[].*)?)$/;
const EDGE_PATH = /^\$\.edges\[(\d+)\]/;

const idAt = (list: unknown, index: number): string | undefined => {
  const entry = Array.isArray(list) ? (list[index] as unknown) : undefined;
  const id = entry !== null && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
};

/**
 * Gives each problem the ids of the node or edge it concerns and its place inside the node,
 * read from the document that was checked. The validator writes paths by index; this is the
 * one place that turns them into ids, so the editor never parses `$.nodes[3]` itself.
 */
export function locateProblems(doc: unknown, problems: Problem[]): Problem[] {
  const d = doc !== null && typeof doc === 'object' ? (doc as { nodes?: unknown; edges?: unknown }) : {};
  return problems.map((p) => {
    const n = NODE_PATH.exec(p.path);
    if (n) {
      const nodeId = idAt(d.nodes, Number(n[1]));
      if (nodeId === undefined) return p;
      const nodePath = n[2].replace(/^\./, '');
      const isParam = nodePath === 'params' || nodePath.startsWith('params.') || nodePath.startsWith('params[');
      return { ...p, nodeId, nodePath, ...(isParam ? { field: nodePath.slice('params'.length).replace(/^\./, '') } : {}) };
    }
    const e = EDGE_PATH.exec(p.path);
    const edgeId = e ? idAt(d.edges, Number(e[1])) : undefined;
    return edgeId === undefined ? p : { ...p, edgeId };
  });
}
