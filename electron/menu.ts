import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { DesktopCommand } from './desktop-api';

export interface MenuActions {
  send(command: DesktopCommand): void;
  about(): void;
  openWorkspaceFolder(): void;
  openDataFolder(): void;
}

/** The application menu. Flow actions go to the renderer as commands; it owns what they do. */
export function buildMenu(actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const command = (label: string, cmd: DesktopCommand, accelerator?: string): MenuItemConstructorOptions =>
    ({ label, ...(accelerator ? { accelerator } : {}), click: () => actions.send(cmd) });

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        command('New Flow', 'flow.new', 'CmdOrCtrl+N'),
        command('Open…', 'flow.open'),
        { type: 'separator' },
        command('Import…', 'flow.import', 'CmdOrCtrl+O'),
        command('Export…', 'flow.export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        command('Save', 'flow.save', 'CmdOrCtrl+S'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' }, { role: 'redo' }, { type: 'separator' },
        { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'delete' }, { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' },
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    ...(isMac ? [{ role: 'windowMenu' as const }] : []),
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { label: 'Open Workspace Folder', click: actions.openWorkspaceFolder },
        { label: 'Open Data Folder', click: actions.openDataFolder },
        ...(isMac ? [] : [{ type: 'separator' as const }, { label: `About ${app.name}`, click: actions.about }]),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
