import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { app, dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from './desktop-api';
import type { Engine } from './engine-process';

/** Flow files with pinned data can be large, but a file bigger than this is not a flow. */
const MAX_OPEN_BYTES = 50 * 1024 * 1024;
const FLOW_FILTERS = [{ name: 'Junction flows', extensions: ['json'] }, { name: 'All files', extensions: ['*'] }];

/**
 * The IPC hand-off: engine requests, and the two native dialogs. Every call must come from
 * our window's own page (app:// origin); anything else — a frame that navigated away, another
 * webContents — is refused before it reaches the engine or the file system.
 */
export function registerIpc(opts: { window(): BrowserWindow | undefined; engine: Engine; isAppUrl(url: string): boolean }) {
  const trusted = (event: IpcMainInvokeEvent): BrowserWindow => {
    const win = opts.window();
    const frameUrl = event.senderFrame?.url ?? '';
    if (!win || event.sender !== win.webContents || !opts.isAppUrl(frameUrl)) {
      throw new Error(`Refused an IPC call from ${frameUrl || 'an unknown sender'}`);
    }
    return win;
  };

  ipcMain.handle(CHANNELS.request, (event, method: unknown, input: unknown) => {
    try { trusted(event); } catch {
      return { ok: false, error: { code: 'api.forbidden', message: 'This page may not call the engine' } };
    }
    return opts.engine.request(method, input);
  });

  ipcMain.handle(CHANNELS.openFile, async (event) => {
    const win = trusted(event);
    const picked = await dialog.showOpenDialog(win, { title: 'Import a flow', properties: ['openFile'], filters: FLOW_FILTERS });
    const file = picked.filePaths[0];
    if (picked.canceled || !file) return null;
    if ((await stat(file)).size > MAX_OPEN_BYTES) throw new Error(`${basename(file)} is larger than 50 MB; a flow file never is`);
    return { fileName: basename(file), text: await readFile(file, 'utf8') };
  });

  ipcMain.handle(CHANNELS.saveFile, async (event, fileName: unknown, text: unknown) => {
    const win = trusted(event);
    if (typeof fileName !== 'string' || typeof text !== 'string') throw new Error('saveFile needs a file name and text');
    const picked = await dialog.showSaveDialog(win, {
      title: 'Export flow', defaultPath: join(app.getPath('documents'), basename(fileName) || 'flow.flow.json'), filters: FLOW_FILTERS,
    });
    if (picked.canceled || !picked.filePath) return false;
    await writeFile(picked.filePath, text);
    return true;
  });
}
