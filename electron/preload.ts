// Runs sandboxed with context isolation: it can only reach the renderer through contextBridge,
// and exposes exactly the API wire plus the desktop extras, never ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEvent, Method, Wire } from '../engine/api';
import { replyOutput, type Reply } from '../engine/transport/pending-requests';
import { CHANNELS, DESKTOP_COMMANDS, type DesktopCommand, type JunctionDesktop } from './desktop-api';

/** Subscribes to a channel; the listener never sees the IPC event (it holds `sender`). */
function listen<T>(channel: string, listener: (value: T) => void, accept: (v: unknown) => v is T): () => void {
  const handler = (_: IpcRendererEvent, value: unknown) => { if (accept(value)) listener(value); };
  ipcRenderer.on(channel, handler);
  return () => { ipcRenderer.removeListener(channel, handler); };
}

const isEvent = (v: unknown): v is ApiEvent => typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
const isCommand = (v: unknown): v is DesktopCommand => DESKTOP_COMMANDS.includes(v as DesktopCommand);

const wire: Wire = {
  async request(method: Method, input: unknown) {
    // Errors cross as plain { code, message, path? } objects, as over the WebSocket.
    return replyOutput((await ipcRenderer.invoke(CHANNELS.request, method, input)) as Reply);
  },
  onEvent: (listener) => listen(CHANNELS.event, listener, isEvent),
  onStatus: (listener) => listen(`${CHANNELS.event}:status`, listener, (v): v is 'open' | 'closed' => v === 'open' || v === 'closed'),
};

const desktop: JunctionDesktop = {
  onCommand: (listener) => listen(CHANNELS.command, listener, isCommand),
  openFile: () => ipcRenderer.invoke(CHANNELS.openFile) as Promise<{ fileName: string; text: string } | null>,
  saveFile: (fileName, text) => ipcRenderer.invoke(CHANNELS.saveFile, String(fileName), String(text)) as Promise<boolean>,
};

contextBridge.exposeInMainWorld('junction', wire);
contextBridge.exposeInMainWorld('junctionDesktop', desktop);
