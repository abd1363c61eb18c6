/**
 * Keeps the one selected node on screen when the canvas shrinks (the inspector and data panel
 * open beside and below it): the view pans, at the same zoom, just far enough to show it.
 * Selecting alone never moves the view.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { Node, ReactFlowInstance } from '@xyflow/react';

const MARGIN = 24;

/** How far to move a span [from, to] so it lies inside [MARGIN, size - MARGIN]; 0 when it does. */
const shift = (from: number, to: number, size: number) =>
  to - from > size - 2 * MARGIN || from < MARGIN ? MARGIN - from : to > size - MARGIN ? size - MARGIN - to : 0;

export function useKeepInView<N extends Node>(rf: ReactFlowInstance<N>, wrap: RefObject<HTMLElement | null>, nodeId: string | undefined): void {
  const size = useRef({ width: 0, height: 0 });
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      const was = size.current;
      size.current = { width: el.clientWidth, height: el.clientHeight };
      const isSmaller = el.clientWidth < was.width || el.clientHeight < was.height;
      const n = nodeId ? rf.getInternalNode(nodeId) : undefined;
      if (!isSmaller || !n) return;
      const { x, y, zoom } = rf.getViewport();
      const left = n.internals.positionAbsolute.x * zoom + x;
      const top = n.internals.positionAbsolute.y * zoom + y;
      const dx = shift(left, left + (n.measured.width ?? 0) * zoom, el.clientWidth);
      const dy = shift(top, top + (n.measured.height ?? 0) * zoom, el.clientHeight);
      if (dx || dy) void rf.setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 200 });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [rf, wrap, nodeId]);
}
