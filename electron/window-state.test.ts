import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { correctState, loadWindowState, saveWindowState } from './window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('window state', () => {
  it('keeps a window that is on a screen', () => {
    expect(correctState({ x: 1600, y: 100, width: 1200, height: 800, isMaximized: false }, [laptop, monitor]))
      .toEqual({ x: 1600, y: 100, width: 1200, height: 800, isMaximized: false });
  });

  it('re-centres a window left on a monitor that is gone, and shrinks it to fit', () => {
    expect(correctState({ x: 1600, y: 100, width: 2400, height: 1300, isMaximized: true }, [laptop]))
      .toEqual({ width: 1440, height: 900, isMaximized: true });
  });

  it('re-centres a window whose title bar is off every screen', () => {
    expect(correctState({ x: 100, y: -500, width: 1000, height: 700, isMaximized: false }, [laptop])).not.toHaveProperty('x');
  });

  it('round-trips through its file and survives a damaged one', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'junction-win-')), 'nested', 'window.json');
    saveWindowState(file, { x: 10, y: 20, width: 1000, height: 700, isMaximized: false });
    expect(loadWindowState(file, [laptop])).toEqual({ x: 10, y: 20, width: 1000, height: 700, isMaximized: false });
    writeFileSync(file, '{ not json');
    expect(loadWindowState(file, [laptop])).toEqual({ width: 1280, height: 820, isMaximized: false });
  });
});
