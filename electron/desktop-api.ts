/**
 * What the preload exposes besides the API wire: menu commands and native file dialogs.
 * `window.junction` is the engine API (a `Wire`); `window.junctionDesktop` is this, and only
 * exists in the desktop app, so the renderer checks for it before showing desktop-only actions.
 */

/** Commands the application menu sends to the renderer. */
export type DesktopCommand = 'flow.new' | 'flow.open' | 'flow.import' | 'flow.export' | 'flow.save';

export const DESKTOP_COMMANDS: readonly DesktopCommand[] = ['flow.new', 'flow.open', 'flow.import', 'flow.export', 'flow.save'];

export interface JunctionDesktop {
  /** Listens for menu commands; returns the unsubscribe. */
  onCommand(listener: (command: DesktopCommand) => void): () => void;
  /** Shows the native open dialog for flow files; null when cancelled. */
  openFile(): Promise<{ fileName: string; text: string } | null>;
  /** Shows the native save dialog with `fileName` proposed and writes `text`; false when cancelled. */
  saveFile(fileName: string, text: string): Promise<boolean>;
}

/** IPC channel names, shared by main and preload. */
export const CHANNELS = {
  request: 'junction:request',
  event: 'junction:event',
  command: 'junction:command',
  openFile: 'junction:open-file',
  saveFile: 'junction:save-file',
} as const;
