/**
 * What the preload exposes besides the API wire: menu commands and native file dialogs.
 * `window.junction` is the engine API (a `Wire`); `window.junctionDesktop` is this, and only
 * exists in the desktop app, so the renderer checks for it before showing desktop-only actions.
 */

import type { DesktopCommand, JunctionDesktop } from '../engine/api';

export type { DesktopCommand, JunctionDesktop };

export const DESKTOP_COMMANDS: readonly DesktopCommand[] = ['flow.new', 'flow.open', 'flow.import', 'flow.export', 'flow.save'];

/** IPC channel names, shared by main and preload. */
export const CHANNELS = {
  request: 'junction:request',
  event: 'junction:event',
  command: 'junction:command',
  openFile: 'junction:open-file',
  saveFile: 'junction:save-file',
} as const;
