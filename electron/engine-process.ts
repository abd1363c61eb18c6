import { utilityProcess, type UtilityProcess } from 'electron';
import type { ApiEvent } from '../engine/api';
import { createPendingRequests } from '../engine/transport/pending-requests';
import type { FromHost, Reply, ToHost } from '../engine/host/protocol';

export interface EngineOptions {
  /** The bundled engine host script. */
  hostPath: string;
  workspace: string;
  dataDir?: string;
  onEvent(event: ApiEvent): void;
  onStatus(status: 'open' | 'closed'): void;
  /** The engine cannot start at all; main tells the person and quits. */
  onFatal(message: string): void;
}

/** Restarts allowed within a minute before a crashing engine is treated as fatal. */
const MAX_RESTARTS_PER_MINUTE = 3;
const CLOSE_TIMEOUT_MS = 5000;

const offline: Reply = { ok: false, error: { code: 'api.offline', message: 'The engine process stopped; it is restarting. Try again in a moment.' } };

/** The engine host as seen from main: requests with replies, events, restarts after a crash. */
export function startEngine(opts: EngineOptions) {
  let child: UtilityProcess | undefined;
  let isStopping = false;
  const pending = createPendingRequests();
  const restarts: number[] = [];
  let info: { workspace: string; dataDir: string } | undefined;

  const spawn = () => {
    const args = [`--workspace=${opts.workspace}`, ...(opts.dataDir ? [`--data-dir=${opts.dataDir}`] : [])];
    const proc = utilityProcess.fork(opts.hostPath, args, { serviceName: 'Junction engine', stdio: 'inherit' });
    child = proc;
    proc.on('message', (m: FromHost) => {
      if (m.type === 'reply') pending.settle(m.id, m.reply);
      else if (m.type === 'event') opts.onEvent(m.event);
      else if (m.type === 'ready') { info = { workspace: m.workspace, dataDir: m.dataDir }; opts.onStatus('open'); }
      else if (m.type === 'fatal') { isStopping = true; opts.onFatal(m.message); }
    });
    proc.on('exit', () => {
      if (child === proc) child = undefined;
      pending.settleAll(offline);
      if (isStopping) return;
      opts.onStatus('closed');
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
      if (restarts.length > MAX_RESTARTS_PER_MINUTE) opts.onFatal('The engine process keeps stopping; see the log for why.');
      else setTimeout(spawn, 500 * restarts.length);
    });
  };
  spawn();

  return {
    /** Where the running engine keeps flows and history, once it has started. */
    info: () => info,
    request(method: unknown, input: unknown): Promise<Reply> {
      if (!child) return Promise.resolve(offline);
      const { id, reply } = pending.open();
      child.postMessage({ type: 'request', id, method, input } satisfies ToHost);
      return reply;
    },
    /** Lets runs end and the store close; kills the process if that takes too long. */
    stop(): Promise<void> {
      isStopping = true;
      const proc = child;
      if (!proc) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => { proc.kill(); resolve(); }, CLOSE_TIMEOUT_MS);
        proc.once('exit', () => { clearTimeout(timer); resolve(); });
        proc.postMessage({ type: 'close' } satisfies ToHost);
      });
    },
  };
}

export type Engine = ReturnType<typeof startEngine>;
