import type { FlowFile, Position } from '../../engine/flow/types';

type Size = { width: number; height: number };
const DEFAULT: Size = { width: 220, height: 64 };

/**
 * Tidies the nodes left→right with ELK's layered algorithm. Sticky notes stay put. ELK is
 * loaded on first use so it does not weigh on start-up.
 */
export async function layoutFlow(flow: FlowFile, sizes: Record<string, Size>): Promise<Map<string, Position>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const ids = new Set(flow.nodes.map((n) => n.id));
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.spacing.nodeNode': '40',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
    },
    children: flow.nodes.map((n) => ({ id: n.id, ...(sizes[n.id] ?? DEFAULT) })),
    edges: flow.edges
      .filter((e) => ids.has(e.from.node) && ids.has(e.to.node))
      .map((e) => ({ id: e.id, sources: [e.from.node], targets: [e.to.node] })),
  });
  // Keep the drawing where it was: anchor the new layout at the old top-left corner.
  const minX = Math.min(...flow.nodes.map((n) => n.position.x));
  const minY = Math.min(...flow.nodes.map((n) => n.position.y));
  return new Map((graph.children ?? []).map((c) => [c.id, { x: Math.round((c.x ?? 0) + minX), y: Math.round((c.y ?? 0) + minY) }]));
}
