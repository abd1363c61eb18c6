import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';
import type { ApiEvent, Handlers } from '../api';
import { dispatch, toWireError } from './dispatch';
import { serveStatic } from './static';

export interface ServerOptions {
  handlers: Handlers;
  /** Subscribes to the service's events; returns the unsubscribe. */
  events(listener: (event: ApiEvent) => void): () => void;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer; when absent the page says how to build it and the API still works. */
  rendererDir?: string;
  /** The API token; a random one per launch when absent. */
  token?: string;
}

export interface RunningServer {
  port: number;
  token: string;
  /** What a person opens: the editor with the token in the hash (never sent to the server in a request line or log). */
  url: string;
  close(): Promise<void>;
}

/** Loopback only: listening on other interfaces would hand the engine to the local network. */
const HOST = '127.0.0.1';
/** Above the largest request input (50 M characters of flow text for import). */
const MAX_MESSAGE_BYTES = 128 * 1024 * 1024;
const HEARTBEAT_MS = 30_000;

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Ends an upgrade request with a status and no body, the way the ws package aborts handshakes. */
function refuse(socket: Duplex, status: number) {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * `junction serve`: one HTTP server on 127.0.0.1 with the editor's files and the API WebSocket
 * at /api. The socket needs the per-launch token, and a browser's Origin must be this server:
 * another site open in the same browser can neither guess the token nor pass as the editor.
 */
export function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const rendererDir = opts.rendererDir === undefined ? undefined : resolve(opts.rendererDir);
  const expected = digest(token);
  // Hashing both sides gives equal lengths, so the comparison leaks neither content nor length.
  const isToken = (given: string) => timingSafeEqual(digest(given), expected);
  let port = 0;
  const hosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const isOwnHost = (host: string | undefined) => host !== undefined && hosts().has(host);
  const isOwnOrigin = (origin: string | undefined) => origin === undefined || [...hosts()].some((h) => origin === `http://${h}`);

  const server = createServer((req, res) => {
    // A foreign Host means DNS rebinding: a web page's name resolving to 127.0.0.1.
    if (!isOwnHost(req.headers.host)) { res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request\n'); return; }
    serveStatic(req, res, rendererDir);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const alive = new WeakSet<WebSocket>();

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    if (url.pathname !== '/api') return refuse(socket, 404);
    if (!isToken(url.searchParams.get('token') ?? '')) return refuse(socket, 401);
    if (!isOwnHost(req.headers.host) || !isOwnOrigin(req.headers.origin)) return refuse(socket, 403);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    const send = (msg: unknown) => {
      if (ws.readyState !== WebSocket.OPEN) return;
      let text: string;
      try { text = JSON.stringify(msg); } catch (e) { text = JSON.stringify({ id: (msg as { id?: unknown }).id, ok: false, error: toWireError(e) }); }
      ws.send(text);
    };
    const unsubscribe = opts.events((event) => send({ event }));
    ws.on('close', unsubscribe);
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      let msg: unknown;
      try { msg = isBinary ? undefined : JSON.parse(data.toString()); } catch { msg = undefined; }
      const id = typeof msg === 'object' && msg !== null ? (msg as { id?: unknown }).id : undefined;
      if (typeof id !== 'number' && typeof id !== 'string') {
        send({ id: null, ok: false, error: { code: 'api.bad-request', message: 'A request must be JSON text of the form { "id", "method", "input" }' } });
        return;
      }
      const { method, input } = msg as { method?: unknown; input?: unknown };
      void dispatch(opts.handlers, method, input).then((reply) => send({ id, ...reply }));
    });
  });

  // Drops sockets of tabs that went away without a close frame (a laptop lid, a killed browser).
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) { ws.terminate(); continue; }
      alive.delete(ws);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, HOST, () => {
      server.off('error', reject);
      port = (server.address() as { port: number }).port;
      resolve({
        port,
        token,
        url: `http://${HOST}:${port}/#token=${token}`,
        close: () => new Promise<void>((done) => {
          clearInterval(heartbeat);
          for (const ws of wss.clients) ws.close(1001, 'The engine is shutting down');
          wss.close();
          server.close(() => done());
          server.closeAllConnections();
          setTimeout(() => { for (const ws of wss.clients) ws.terminate(); }, 500).unref();
        }),
      });
    });
  });
}
