import type { ReactFlowInstance } from '@xyflow/react';
import type { Position } from '../../engine/flow/types';

/** The dataTransfer type of a palette entry dragged onto the canvas; its value is the node type. */
export const NODE_DRAG_TYPE = 'application/x-junction-node';
/** The pseudo-type the palette uses for a sticky note. */
export const NOTE_TYPE = 'junction.note';

let cascade = 0;

/**
 * Where a keyboard-added node goes: the visible centre, nudged a little each time so
 * several additions in a row do not stack exactly.
 */
export function centreOfView(rf: ReactFlowInstance, root: Element | null): Position {
  const pane = root?.querySelector('.react-flow') ?? root;
  const rect = pane?.getBoundingClientRect();
  const step = (cascade++ % 6) * 24;
  if (!rect) return { x: step, y: step };
  const p = rf.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
  return { x: p.x - 100 + step, y: p.y - 30 + step };
}
