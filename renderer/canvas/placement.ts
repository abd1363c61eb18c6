/**
 * Where a new node or note goes: where asked if that place is free, else the nearest free
 * place around it, so nothing added ever lands on top of another card. Pure geometry over
 * the flow and the sizes the canvas measured.
 */
import type { FlowFile, Position } from '../../engine/flow/types';
import { noteKey } from '../state/flow-ops';

type Size = { width: number; height: number };
type Rect = { x: number; y: number; w: number; h: number };

export const NODE_SIZE: Size = { width: 220, height: 64 };
const GAP = 24;
const STEP = 40;
/** Rings searched before giving up and using the asked place (a canvas that full is rare). */
const RINGS = 40;

function rectsOf(flow: FlowFile, sizes: Record<string, Size>): Rect[] {
  const nodes = flow.nodes.map((n) => ({ ...n.position, ...(sizes[n.id] ?? NODE_SIZE) }));
  const notes = flow.notes.map((n) => ({ ...n.position, ...(n.size ?? sizes[noteKey(n.id)] ?? { width: 240, height: 140 }) }));
  return [...nodes, ...notes].map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height }));
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP;

/** The free place nearest to `want` for a card of `size`. */
export function freeSpot(flow: FlowFile, sizes: Record<string, Size>, want: Position, size: Size = NODE_SIZE): Position {
  const taken = rectsOf(flow, sizes);
  const isFree = (p: Position) => !taken.some((r) => overlaps({ x: p.x, y: p.y, w: size.width, h: size.height }, r));
  if (isFree(want)) return want;
  for (let ring = 1; ring <= RINGS; ring++) {
    // Below first, then right, then the rest of the ring: flows read left to right, branches stack down.
    const candidates: Position[] = [];
    for (let i = -ring; i <= ring; i++) {
      candidates.push({ x: want.x + i * STEP, y: want.y + ring * STEP }, { x: want.x + ring * STEP, y: want.y + i * STEP });
      candidates.push({ x: want.x + i * STEP, y: want.y - ring * STEP }, { x: want.x - ring * STEP, y: want.y + i * STEP });
    }
    candidates.sort((a, b) => Math.hypot(a.x - want.x, a.y - want.y) - Math.hypot(b.x - want.x, b.y - want.y));
    const hit = candidates.find(isFree);
    if (hit) return hit;
  }
  return want;
}

/** To the right of a node, as the next step of a flow. */
export function besideNode(flow: FlowFile, sizes: Record<string, Size>, nodeId: string): Position | undefined {
  const n = flow.nodes.find((x) => x.id === nodeId);
  if (!n) return undefined;
  const width = sizes[nodeId]?.width ?? NODE_SIZE.width;
  return { x: n.position.x + width + 80, y: n.position.y };
}
