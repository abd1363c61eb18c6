// Electron's main process: one window, the menu, native dialogs, and the hand-off between the
// renderer and the engine, which runs in its own process. No business logic lives here.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, screen, session, shell } from 'electron';
import type { ApiEvent } from '../engine/api';
// The static module alone: the transport index would also load the WebSocket server into main.
import { mimeType, resolveStatic } from '../engine/transport/static';
import { CHANNELS, type DesktopCommand } from './desktop-api';
import { startEngine, type Engine } from './engine-process';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { loadWindowState, saveWindowState } from './window-state';

/** The renderer is served from this origin, not file://, so 'self' in the CSP means our files only. */
const SCHEME = 'app';
const APP_ORIGIN = `${SCHEME}://junction`;
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; "
  + "connect-src 'self'; img-src 'self' data:; font-src 'self' data:";
const rendererDir = join(__dirname, '..', 'renderer');
const workspace = process.env.JUNCTION_WORKSPACE || join(homedir(), 'Junction');

const isAppUrl = (url: string) => url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);

protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

let mainWindow: BrowserWindow | undefined;
let engine: Engine | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_, contents) => {
    contents.on('will-navigate', (event, url) => { if (!isAppUrl(url)) event.preventDefault(); });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // Links to documentation open in the browser; nothing opens a new Electron window.
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  app.whenReady().then(start).catch((e: unknown) => {
    dialog.showErrorBox('Junction could not start', (e as Error)?.message ?? String(e));
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
  let isQuitting = false;
  app.on('before-quit', (event) => {
    if (isQuitting || !engine) return;
    // Let running flows be recorded as cancelled and the database close before the process ends.
    event.preventDefault();
    isQuitting = true;
    void engine.stop().finally(() => app.quit());
  });
}

async function start() {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    dialog.showErrorBox('Junction', 'The editor is not built; run npm run build.');
    app.exit(1);
    return;
  }
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'junction' ? resolveStatic(rendererDir, url.pathname) : 'refused';
    if (file === 'refused') return new Response('Bad path', { status: 400 });
    const path = file ?? (/\.[a-z0-9]+$/i.test(url.pathname) ? undefined : join(rendererDir, 'index.html'));
    if (!path) return new Response('Not found', { status: 404 });
    return new Response(await readFile(path), { headers: { 'Content-Type': mimeType(path), 'Content-Security-Policy': CSP } });
  });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    if (details.url.startsWith('devtools://')) return callback({});
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  // The editor needs no camera, location or notifications; only writing to the clipboard.
  session.defaultSession.setPermissionRequestHandler((_, permission, callback) => callback(permission === 'clipboard-sanitized-write'));

  const send = (channel: string, value: unknown) => { if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, value); };
  engine = startEngine({
    hostPath: join(__dirname, 'engine-host.cjs'),
    workspace,
    dataDir: process.env.JUNCTION_DATA_DIR || undefined,
    onEvent: (event: ApiEvent) => send(CHANNELS.event, event),
    onStatus: (status) => send(`${CHANNELS.event}:status`, status),
    onFatal: (message) => { dialog.showErrorBox('The Junction engine stopped', message); app.exit(1); },
  });
  registerIpc({ window: () => mainWindow, engine, isAppUrl });
  Menu.setApplicationMenu(buildMenu({
    send: (command: DesktopCommand) => send(CHANNELS.command, command),
    about: () => void dialog.showMessageBox({ title: 'About Junction', message: `Junction ${app.getVersion()}`, detail: `Workspace: ${workspace}` }),
    openWorkspaceFolder: () => void shell.openPath(workspace),
    openDataFolder: () => { const dir = engine?.info()?.dataDir; if (dir) void shell.openPath(dir); },
  }));
  createWindow();
}

function createWindow() {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(stateFile, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...(state.x !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width, height: state.height, minWidth: 800, minHeight: 500,
    show: false, title: 'Junction',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow = win;
  if (state.isMaximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  let saveTimer: NodeJS.Timeout | undefined;
  const save = () => saveWindowState(stateFile, { ...win.getNormalBounds(), isMaximized: win.isMaximized() });
  const saveSoon = () => { clearTimeout(saveTimer); saveTimer = setTimeout(save, 500); };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('close', () => { clearTimeout(saveTimer); save(); });
  win.on('closed', () => { mainWindow = undefined; });
  void win.loadURL(`${APP_ORIGIN}/`);
}
