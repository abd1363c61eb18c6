import { useCallback, useState, type KeyboardEvent, type PointerEvent } from 'react';

const KEY = 'junction.dataPanelHeight';
const MIN = 120;

/** Height of the bottom data panel, dragged by its separator or moved with the arrow keys; remembered. */
export function usePanelHeight(initial = 280) {
  const [height, setHeight] = useState(() => Number(localStorage.getItem(KEY)) || initial);
  const clamp = (h: number) => Math.round(Math.max(MIN, Math.min(h, window.innerHeight - 200)));
  const keep = useCallback((h: number) => { setHeight(h); localStorage.setItem(KEY, String(h)); }, []);

  const onPointerDown = useCallback((e: PointerEvent<HTMLElement>) => {
    const startY = e.clientY;
    const start = height;
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const move = (m: globalThis.PointerEvent) => setHeight(clamp(start + startY - m.clientY));
    const up = (u: globalThis.PointerEvent) => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      keep(clamp(start + startY - u.clientY));
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  }, [height, keep]); // eslint-disable-line react-hooks/exhaustive-deps

  const onKeyDown = useCallback((e: KeyboardEvent) => {
    if (e.key === 'ArrowUp') { e.preventDefault(); keep(clamp(height + 24)); }
    if (e.key === 'ArrowDown') { e.preventDefault(); keep(clamp(height - 24)); }
  }, [height, keep]); // eslint-disable-line react-hooks/exhaustive-deps

  return { height, separatorProps: { onPointerDown, onKeyDown, role: 'separator', 'aria-orientation': 'horizontal' as const, 'aria-valuenow': height, 'aria-valuemin': MIN, tabIndex: 0, 'aria-label': 'Resize data panel' } };
}
