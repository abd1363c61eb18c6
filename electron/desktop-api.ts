/**
 * What the preload exposes besides the API wire: menu commands and native file dialogs.
 * `window.junction` is the engine API (a `Wire`); `window.junctionDesktop` is this, and only
 * exists in the desktop app, so the renderer checks for it before showing desktop-only actions.
 * This file imports nothing, so the renderer may import its types (and only its types).
 */

/** Commands the desktop app's menu sends to the renderer. */
export type DesktopCommand = 'flow.new' | 'flow.open' | 'flow.import' | 'flow.export' | 'flow.save';

/** `window.junctionDesktop`: absent in a browser, where the renderer uses web APIs. */
export interface JunctionDesktop {
  /** Listens for menu commands; returns the unsubscribe. */
  onCommand(listener: (command: DesktopCommand) => void): () => void;
  /** The native open dialog for flow files; null when cancelled. */
  openFile(): Promise<{ fileName: string; text: string } | null>;
  /** The native save dialog with `fileName` proposed, then writes `text`; false when cancelled. */
  saveFile(fileName: string, text: string): Promise<boolean>;
}

export const DESKTOP_COMMANDS: readonly DesktopCommand[] = ['flow.new', 'flow.open', 'flow.import', 'flow.export', 'flow.save'];

/** IPC channel names, shared by main and preload. */
export const CHANNELS = {
  request: 'junction:request',
  event: 'junction:event',
  command: 'junction:command',
  openFile: 'junction:open-file',
  saveFile: 'junction:save-file',
} as const;
