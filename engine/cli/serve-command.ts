import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createService } from '../service';
import { defaultDataDir } from '../store';
import { startServer, type RunningServer } from '../transport';
import type { Terminal } from './terminal';

export interface ServeArgs {
  port?: number;
  workspace?: string;
  dataDir?: string;
  webhookPort?: number;
}

export const DEFAULT_PORT = 5179;
/** Ports tried after a busy one before letting the OS pick any free port. */
const PORT_ATTEMPTS = 10;

/** The current folder when it already is a workspace, else ~/Junction (created on first use). */
export function defaultWorkspace(cwd = process.cwd(), home = homedir()): string {
  return existsSync(join(cwd, 'flows')) ? cwd : join(home, 'Junction');
}

/**
 * The built editor: dist/renderer beside the bundled CLI (dist/cli.mjs), or from the sources'
 * place in the repository (engine/cli → dist/renderer). JUNCTION_RENDERER_DIR overrides both.
 */
export function findRendererDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [env.JUNCTION_RENDERER_DIR, join(here, 'renderer'), resolve(here, '../../dist/renderer')].filter((c): c is string => !!c);
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

async function listen(start: (port: number) => Promise<RunningServer>, first: number): Promise<RunningServer> {
  const ports = first === 0 ? [0] : [...Array.from({ length: PORT_ATTEMPTS }, (_, i) => first + i).filter((p) => p <= 65535), 0];
  for (const port of ports) {
    try {
      return await start(port);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' && code !== 'EACCES') throw e;
    }
  }
  throw new Error('unreachable: port 0 always binds');
}

/** `junction serve`: the engine and the editor on 127.0.0.1 until SIGINT or SIGTERM. */
export async function serveCommand(args: ServeArgs, out: Terminal, err: Terminal): Promise<number> {
  const port = args.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    err.write(`junction: --port must be a whole number from 0 to 65535, not ${String(args.port)}\n`);
    return 2;
  }
  const workspace = resolve(args.workspace ?? defaultWorkspace());
  const dataDir = resolve(args.dataDir ?? defaultDataDir());
  mkdirSync(join(workspace, 'flows'), { recursive: true });
  const service = createService({ workspace, dataDir, webhook: { port: args.webhookPort ?? 0, isPortFlexible: true } });
  const rendererDir = findRendererDir();
  let server: RunningServer;
  try {
    server = await listen((p) => startServer({ handlers: service.handlers, events: service.events, port: p, rendererDir }), port);
  } catch (e) {
    await service.close();
    throw e;
  }
  if (!rendererDir) err.write('The editor is not built; run npm run build (the API is running meanwhile).\n');
  if (port !== 0 && server.port !== port) err.write(`Port ${port} is busy; using ${server.port}.\n`);
  out.write(`Workspace: ${workspace}\nRun history: ${dataDir}\n`);
  out.write(`Junction is running at ${server.url}\n`);
  const { webhookUrl } = await service.startTriggers();
  if (webhookUrl) out.write(`Webhooks of active flows: ${webhookUrl}/hook/<path>\n`);
  out.write('Press Ctrl+C to stop.\n');

  const signal = await new Promise<NodeJS.Signals>((done) => {
    const stop = (s: NodeJS.Signals) => { process.off('SIGINT', stop); process.off('SIGTERM', stop); done(s); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  err.write(`\nStopping (${signal})…\n`);
  await server.close();
  await service.close();
  return 0;
}
