import { useEffect, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';

// After the inspector and data panel have opened (they shrink the canvas) and laid out.
const SETTLE_MS = 120;

/**
 * Selecting a node opens the inspector and the data panel, which take room from the canvas;
 * a selected card left half under them is brought back into view, at the same zoom.
 */
export function useKeepSelectedInView(selected: string[], pane: RefObject<HTMLElement | null>) {
  const rf = useReactFlow();
  useEffect(() => {
    if (selected.length !== 1) return;
    const t = setTimeout(() => {
      const node = rf.getInternalNode(selected[0]);
      const box = pane.current?.getBoundingClientRect();
      if (!node || !box) return;
      const { x, y } = node.internals.positionAbsolute;
      const w = node.measured.width ?? 0;
      const h = node.measured.height ?? 0;
      const tl = rf.flowToScreenPosition({ x, y });
      const br = rf.flowToScreenPosition({ x: x + w, y: y + h });
      const isInside = tl.x >= box.left && tl.y >= box.top && br.x <= box.right && br.y <= box.bottom;
      if (!isInside) void rf.setCenter(x + w / 2, y + h / 2, { zoom: rf.getViewport().zoom, duration: 200 });
    }, SETTLE_MS);
    return () => clearTimeout(t);
  }, [selected, rf, pane]);
}
