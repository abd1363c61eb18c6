import type { WorkerReply, WorkerRequest } from './types';

/** The sandbox's thread or process died under a run: out of memory, or an unexpected exit. */
export class ThreadCrash extends Error {
  constructor(readonly isOutOfMemory: boolean, message: string) {
    super(message);
    this.name = 'ThreadCrash';
  }
}

/** One warm sandbox (a worker thread or a child process); it serves one request at a time. */
export interface SandboxThread {
  /** The guest memory limit this sandbox was started for. */
  readonly memoryMb: number;
  readonly ready: Promise<void>;
  isAlive(): boolean;
  request(req: WorkerRequest): Promise<WorkerReply>;
  kill(): Promise<void>;
}

/** What a thread or a process offers the channel. */
export interface Endpoint {
  send(message: unknown): void;
  /** Whether the endpoint keeps this process alive: only while a request is pending. */
  hold(isHeld: boolean): void;
  stop(): Promise<void>;
}

/**
 * Request and reply over one endpoint: the endpoint's owner calls `deliver` with each message
 * and `die` when the thread or process ends.
 */
export function openChannel(memoryMb: number, endpoint: Endpoint) {
  let alive = true;
  let seq = 0;
  let pending: { id: number; resolve: (r: WorkerReply) => void; reject: (e: Error) => void } | undefined;
  let markReady: () => void = () => {};
  let failStart: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => { markReady = resolve; failStart = reject; });
  ready.catch(() => {}); // a start failure is reported to whoever awaits `ready`

  const die = (crash: ThreadCrash) => {
    alive = false;
    failStart(crash);
    pending?.reject(crash);
    pending = undefined;
  };
  const deliver = (msg: WorkerReply | { type: 'ready' }) => {
    if ('type' in msg) { markReady(); if (!pending) endpoint.hold(false); return; }
    if (pending?.id !== msg.id) return;
    const { resolve } = pending;
    pending = undefined;
    endpoint.hold(false); // an idle warm sandbox must not keep the process alive
    resolve(msg);
  };
  const thread: SandboxThread = {
    memoryMb,
    ready,
    isAlive: () => alive,
    request(req) {
      if (!alive) return Promise.reject(new ThreadCrash(false, 'The sandbox is gone'));
      if (pending) return Promise.reject(new Error('The sandbox is busy')); // callers queue; a bug if reached
      const id = ++seq;
      endpoint.hold(true);
      return new Promise((resolve, reject) => {
        pending = { id, resolve, reject };
        endpoint.send({ id, ...req });
      });
    },
    async kill() {
      die(new ThreadCrash(false, 'The sandbox was stopped'));
      await endpoint.stop();
    },
  };
  return { thread, deliver, die };
}
