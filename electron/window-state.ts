import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Rect { x: number; y: number; width: number; height: number }

export interface WindowState {
  /** Absent: let the OS center the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

const DEFAULT: WindowState = { width: 1280, height: 820, isMaximized: false };
/** How much of the window must lie on a screen for its place to be kept: enough to grab the title bar. */
const MIN_VISIBLE_PX = 100;

const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * A saved state made safe for the screens attached now: a window left on a monitor that is
 * gone is re-centred, and one larger than every screen shrinks to fit the largest.
 */
export function correctState(state: WindowState, workAreas: Rect[]): WindowState {
  if (!workAreas.length) return state;
  const largest = workAreas.reduce((a, b) => (a.width * a.height >= b.width * b.height ? a : b));
  const width = Math.min(Math.max(state.width, 400), largest.width);
  const height = Math.min(Math.max(state.height, 300), largest.height);
  if (state.x === undefined || state.y === undefined) return { width, height, isMaximized: state.isMaximized };
  const rect = { x: state.x, y: state.y, width, height };
  const titleBar = { x: state.x, y: state.y, width, height: 40 };
  const isVisible = workAreas.some((area) => overlap(rect, area) >= MIN_VISIBLE_PX * MIN_VISIBLE_PX && overlap(titleBar, area) > 0);
  return isVisible ? { ...rect, isMaximized: state.isMaximized } : { width, height, isMaximized: state.isMaximized };
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Reads the saved state; a missing or damaged file gives the default size. */
export function loadWindowState(file: string, workAreas: Rect[]): WindowState {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (!isNum(raw.width) || !isNum(raw.height)) return DEFAULT;
    const state: WindowState = { width: raw.width, height: raw.height, isMaximized: raw.isMaximized === true };
    if (isNum(raw.x) && isNum(raw.y)) { state.x = raw.x; state.y = raw.y; }
    return correctState(state, workAreas);
  } catch {
    return DEFAULT;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(state)}\n`);
  } catch { /* a read-only profile folder: the window just opens at the default place next time */ }
}
