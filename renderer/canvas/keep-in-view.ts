/**
 * Keeps the one selected node on screen when the canvas shrinks (the inspector and data panel
 * open beside and below it) or when it is selected while partly hidden: the view pans, at
 * the same zoom, to centre it.
 */
import { useEffect, type RefObject } from 'react';
import type { Node, ReactFlowInstance } from '@xyflow/react';

const MARGIN = 24;

export function useKeepInView<N extends Node>(rf: ReactFlowInstance<N>, wrap: RefObject<HTMLElement | null>, nodeId: string | undefined): void {
  useEffect(() => {
    const el = wrap.current;
    if (!el || !nodeId) return;
    const check = () => {
      const n = rf.getInternalNode(nodeId);
      if (!n) return;
      const { x, y, zoom } = rf.getViewport();
      const pos = n.internals.positionAbsolute;
      const w = n.measured.width ?? 0;
      const h = n.measured.height ?? 0;
      const left = pos.x * zoom + x;
      const top = pos.y * zoom + y;
      const isInside = left >= MARGIN && top >= MARGIN && left + w * zoom <= el.clientWidth - MARGIN && top + h * zoom <= el.clientHeight - MARGIN;
      if (!isInside) void rf.setCenter(pos.x + w / 2, pos.y + h / 2, { zoom, duration: 200 });
    };
    // Panels open a frame after the selection: look again whenever the canvas changes size.
    const ro = new ResizeObserver(check);
    ro.observe(el);
    return () => ro.disconnect();
  }, [rf, wrap, nodeId]);
}
