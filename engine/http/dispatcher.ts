/**
 * The undici dispatchers, one per distinct (connect timeout, proxy, TLS) setting, kept for the
 * life of the process so connections are reused. Sockets are marked for the timing split.
 */
import { Agent, ProxyAgent, buildConnector, interceptors, type Dispatcher } from 'undici';
import type { Socket } from 'node:net';
import { socketMarks, type SocketMarks } from './timing';
import type { TlsOptions } from './types';

export interface DispatcherKey { connectMs: number; proxy?: string; tls?: TlsOptions; followRedirects: boolean }

const cache = new Map<string, Dispatcher>();
const MAX_REDIRECTS = 10;

/** A connector that records when the socket resolved its name, connected and finished TLS. */
function markedConnector(opts: buildConnector.BuildOptions): buildConnector.connector {
  const connect = buildConnector(opts);
  return (options, callback) => {
    const marks: SocketMarks = { start: performance.now() };
    // undici's connector returns the socket, though its type says void.
    const socket = connect(options, callback) as unknown as Socket;
    socketMarks.set(socket, marks);
    socket.once('lookup', () => { marks.lookup = performance.now(); });
    socket.once('connect', () => { marks.connect = performance.now(); });
    socket.once('secureConnect', () => { marks.secure = performance.now(); });
    return socket;
  };
}

export function dispatcherFor(key: DispatcherKey): Dispatcher {
  const id = JSON.stringify([key.connectMs, key.proxy ?? '', key.tls ?? {}, key.followRedirects]);
  let d = cache.get(id);
  if (d) return d;
  const tls = { ...key.tls, timeout: key.connectMs };
  const base: Dispatcher = key.proxy
    ? new ProxyAgent({ uri: key.proxy, requestTls: key.tls, connect: markedConnector(tls) })
    : new Agent({ connect: markedConnector(tls) });
  d = key.followRedirects ? base.compose(interceptors.redirect({ maxRedirections: MAX_REDIRECTS })) : base;
  cache.set(id, d);
  return d;
}
