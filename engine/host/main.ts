// The engine in its own process (Electron's utilityProcess, or a Node child process with IPC):
// a long run or a big file never freezes the window. Speaks protocol.ts with Electron's main
// process (electron/engine-process.ts), which starts this file's bundle, dist/electron/engine-host.cjs.
import { parseArgs } from 'node:util';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createService, type Service } from '../service';
import { isJunctionError } from '../sdk/errors';
import { defaultDataDir } from '../store';
import { dispatch, toWireError } from '../transport';
import type { FromHost, ToHost } from './protocol';

interface Port { postMessage(message: unknown): void; on(event: 'message', listener: (e: { data: unknown }) => void): unknown }

const parentPort = (process as unknown as { parentPort?: Port }).parentPort;
const post = (m: FromHost) => (parentPort ? parentPort.postMessage(m) : process.send?.(m));
const onMessage = (listener: (m: ToHost) => void) => {
  if (parentPort) parentPort.on('message', (e) => listener(e.data as ToHost));
  else process.on('message', (m) => listener(m as ToHost));
};

const { values } = parseArgs({ options: { workspace: { type: 'string' }, 'data-dir': { type: 'string' } }, strict: false });
const workspace = typeof values.workspace === 'string' ? values.workspace : join(homedir(), 'Junction');
const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir();

let service: Service | undefined;
try {
  // The desktop app makes active flows' triggers live, as `junction serve` does.
  service = createService({ workspace, dataDir, webhook: { port: Number(process.env.JUNCTION_WEBHOOK_PORT ?? 5680) || 0, isPortFlexible: true } });
} catch (e) {
  post({ type: 'fatal', message: isJunctionError(e) ? e.message : `The engine could not start: ${(e as Error)?.message ?? String(e)}` });
  if (!isJunctionError(e)) process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
}

const svc = service;
svc.events((event) => post({ type: 'event', event }));
onMessage((m) => {
  if (m?.type === 'request' && typeof m.id === 'number') {
    void dispatch(svc.handlers, m.method, m.input).then((reply) => {
      // A reply that cannot be cloned across processes must still answer the request.
      try { post({ type: 'reply', id: m.id, reply }); } catch (e) { post({ type: 'reply', id: m.id, reply: { ok: false, error: toWireError(e) } }); }
    });
  } else if (m?.type === 'close') {
    void svc.close().finally(() => process.exit(0));
  }
});
post({ type: 'ready', workspace, dataDir });
void svc.startTriggers().catch((e: unknown) => process.stderr.write(`junction: triggers could not start: ${(e as Error)?.message ?? String(e)}\n`));
