/**
 * Per-request timing from undici's diagnostics channels. A request is tied to its caller with
 * AsyncLocalStorage (undici creates it synchronously inside our dispatch); the socket's own
 * DNS, connect and TLS marks come from the connector (dispatcher.ts) and count only for the
 * first request on that socket.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import type { HttpTiming } from './types';

export interface SocketMarks { start: number; lookup?: number; connect?: number; secure?: number; claimed?: boolean }

export interface TimingProbe { start: number; sent?: number; firstByte?: number; end?: number; socket?: SocketMarks }

export const socketMarks = new WeakMap<object, SocketMarks>();
const probes = new WeakMap<object, TimingProbe>();
const current = new AsyncLocalStorage<TimingProbe>();
let subscribed = false;

function subscribeOnce(): void {
  if (subscribed) return;
  subscribed = true;
  subscribe('undici:request:create', (m) => {
    const probe = current.getStore();
    if (probe) probes.set((m as { request: object }).request, probe);
  });
  subscribe('undici:client:sendHeaders', (m) => {
    const { request, socket } = m as { request: object; socket: object };
    const probe = probes.get(request);
    if (!probe) return;
    probe.sent = performance.now();
    const marks = socketMarks.get(socket);
    if (marks && !marks.claimed) { marks.claimed = true; probe.socket = marks; }
  });
  subscribe('undici:request:headers', (m) => {
    const probe = probes.get((m as { request: object }).request);
    if (probe) probe.firstByte = performance.now();
  });
}

/** Runs `send` with a fresh probe that the channels fill in. */
export function timed<T>(send: () => Promise<T>): { probe: TimingProbe; result: Promise<T> } {
  subscribeOnce();
  const probe: TimingProbe = { start: performance.now() };
  return { probe, result: current.run(probe, send) };
}

const span = (from: number | undefined, to: number | undefined) => (from !== undefined && to !== undefined ? Math.max(0, Math.round((to - from) * 10) / 10) : 0);

/** The phases of a finished probe, in milliseconds. */
export function phases(p: TimingProbe): HttpTiming {
  const end = p.end ?? performance.now();
  const s = p.socket;
  const connected = s ? (s.secure ?? s.connect) : undefined;
  return {
    dns: s ? span(s.start, s.lookup) : 0,
    connect: s ? span(s.lookup ?? s.start, s.connect) : 0,
    tls: s?.secure !== undefined ? span(s.connect, s.secure) : 0,
    firstByte: span(connected !== undefined && connected > p.start ? connected : p.start, p.firstByte),
    download: span(p.firstByte, end),
    total: span(p.start, end),
  };
}
