/**
 * Live triggers: which flows are active (kept in the store per workspace), their schedules and
 * polls armed, their event triggers listening and their webhook routes on the one listener,
 * each firing offered to the flow's overlap gate and run through the service's run path so
 * history records it.
 */
import { randomUUID } from 'node:crypto';
import type { CredentialResolver } from '../exec/run-context';
import type { NodeLookup } from '../flow';
import type { FlowFile } from '../flow/types';
import type { RunStore, TriggerKind, TriggerOutcome } from '../store';
import { JunctionError } from '../sdk/errors';
import type { RunObserver } from '../exec';
import { flowTriggers, hasTriggers } from './flow-triggers';
import { startListeners } from './listen';
import { startPoll } from './poll';
import { createOverlapGate, type OverlapGate } from './overlap';
import { waitForRespond } from './respond-waiter';
import { compileRoute, sameRoute, type Route } from './routes';
import { startSchedule, systemTimers, type Timers } from './schedule';
import { checkWebhookConnection, webhookKey } from './webhook-key';
import { createWebhookServer, type HookAnswer, type HookCall, type HookTarget, type WebhookServer } from './webhook-server';

export interface TriggerHostOptions {
  workspace: string;
  store: Pick<RunStore, 'triggers' | 'listRuns'>;
  /** The flow by id, validated with defaults filled; throws a JunctionError naming the problems. */
  loadFlow(flowId: string): FlowFile;
  /** Node types: which ones poll or listen, and the `listen` this process runs. */
  types: Pick<NodeLookup, 'get'>;
  /** Resolves the connections event triggers ask for (the service's connection manager). */
  credentials?: CredentialResolver;
  launch(flow: FlowFile, how: Launching, runId?: string): { runId: string; done: Promise<{ isEmpty?: boolean } | undefined> };
  /** `isPortFlexible`: take a free port when the given one is busy (the editor's server does; `junction start` does not). */
  webhook?: { port?: number; host?: string; maxBodyBytes?: number; isPortFlexible?: boolean };
  timers?: Timers;
  /** False keeps triggered runs out of run history (the bench compares both). */
  isRecorded?: boolean;
  /** Told when a trigger could not be armed or the listener could not start, and event triggers' log lines. */
  warn?(message: string): void;
}

interface Launching { trigger: string; input: Record<string, unknown>[]; observers?: RunObserver[]; isRecorded?: boolean; isQuietWhenEmpty?: boolean }

export interface TriggerStatus {
  flowId: string;
  isActive: boolean;
  /** Next fire instant among the flow's schedules and polls (ISO), when it has any. */
  nextFireAt?: string;
  /** When its polling triggers last looked for something new (ISO); an empty poll leaves no other trace. */
  lastPolledAt?: string;
  webhooks: { nodeId: string; method: string; url: string }[];
  lastEvent?: { at: string; kind: TriggerKind; outcome: TriggerOutcome; status?: number; runId?: string; detail?: string };
  /** Why an active flow's triggers are not live (it no longer validates, a route clashes). */
  problem?: string;
}

interface Armed { flow: FlowFile; stops: (() => void)[]; next: (() => number | undefined)[]; routes: Route<HookTarget>[] }


export function createTriggerHost(opts: TriggerHostOptions) {
  const timers = opts.timers ?? systemTimers;
  const isRecorded = opts.isRecorded ?? true;
  const armed = new Map<string, Armed>();
  const problems = new Map<string, string>();
  const gates = new Map<string, OverlapGate>();
  const lastPolled = new Map<string, number>();
  /** Event triggers still letting go (close waits for them). */
  const stopping = new Set<Promise<void>>();
  let server: WebhookServer | undefined;
  let listenUrl: string | undefined;

  const gateOf = (flowId: string) => {
    let gate = gates.get(flowId);
    if (!gate) gates.set(flowId, (gate = createOverlapGate(() => armed.get(flowId)?.flow.settings.concurrency ?? 'queue')));
    return gate;
  };
  const record = (flowId: string, nodeId: string, kind: TriggerKind, outcome: TriggerOutcome, extra: { status?: number; runId?: string; detail?: string; atMs?: number } = {}) => {
    const { atMs = timers.now(), ...rest } = extra;
    if (outcome === 'rejected' || isRecorded) opts.store.triggers.record({ flowId, nodeId, kind, at: new Date(atMs).toISOString(), outcome, ...rest });
  };
  const SKIPPED = 'a run of this flow was still going (overlap policy "skip")';

  /** Offers one firing to the flow's gate; `done` resolves when its run ends (at once when skipped or deactivated). */
  function offer(flowId: string, how: Launching, runId: string) {
    let ended!: (r: { isEmpty?: boolean } | undefined) => void;
    const done = new Promise<{ isEmpty?: boolean } | undefined>((r) => { ended = r; });
    const outcome = gateOf(flowId).offer(() => {
      const current = armed.get(flowId);
      if (!current) { ended(undefined); return Promise.resolve(); } // deactivated while queued
      const run = opts.launch(current.flow, { ...how, isRecorded }, runId).done;
      void run.then(ended, () => ended(undefined));
      return run;
    });
    if (outcome === 'skipped') ended(undefined);
    return { outcome, done };
  }

  /** A schedule's, webhook's or event trigger's firing: recorded at once; the run id is chosen now so a queued call can be told it. */
  function fire(flowId: string, nodeId: string, kind: TriggerKind, input: Record<string, unknown>[], observers: RunObserver[] = [], runId = randomUUID()) {
    const { outcome } = offer(flowId, { trigger: nodeId, input, observers }, runId);
    record(flowId, nodeId, kind, outcome, outcome === 'skipped' ? { detail: SKIPPED } : { runId });
    return { runId, outcome };
  }

  /** A poll: recorded only once its run found something, so an empty poll leaves no trace but the last-polled time. */
  async function poll(flowId: string, nodeId: string) {
    const atMs = timers.now();
    lastPolled.set(flowId, atMs);
    const runId = randomUUID();
    const { outcome, done } = offer(flowId, { trigger: nodeId, input: [{ polledAt: new Date(atMs).toISOString() }], isQuietWhenEmpty: true }, runId);
    const result = await done;
    if (outcome !== 'skipped' && result && !result.isEmpty) record(flowId, nodeId, 'poll', outcome, { runId, atMs });
  }

  async function accept(target: HookTarget, call: HookCall): Promise<HookAnswer> {
    const runId = randomUUID();
    const waiter = target.respond === 'respondNode' ? waitForRespond(runId) : undefined;
    const { outcome } = fire(target.flowId, target.nodeId, 'webhook', [call as unknown as Record<string, unknown>], waiter ? [waiter.observer] : [], runId);
    if (outcome === 'skipped') return { status: 503, headers: { 'retry-after': '1' }, body: { error: 'a run of this flow is still going and the flow skips overlapping calls' } };
    if (!waiter) return { status: 200, body: { runId, ...(outcome === 'queued' ? { queued: true } : {}) } };
    return waiter.answer;
  }

  const allRoutes = () => [...armed.values()].flatMap((a) => a.routes);

  function disarm(flowId: string) {
    const a = armed.get(flowId);
    if (!a) return;
    for (const stop of a.stops) stop();
    armed.delete(flowId);
    server?.setRoutes(allRoutes());
  }

  /**
   * Arms a flow: schedules, polls and routes at once; event triggers once their `listen` has
   * started (refused, with every other trigger of the flow stopped again, when one cannot).
   */
  async function arm(flowId: string) {
    disarm(flowId);
    problems.delete(flowId);
    const flow = opts.loadFlow(flowId);
    const found = flowTriggers(flow, opts.types);
    if (!hasTriggers(found)) {
      throw new JunctionError('flows.no-trigger', `"${flow.name}" has no Schedule, Webhook, polling or event trigger, so activating it would never start a run`, { path: 'id' });
    }
    const { schedules, webhooks, polls, listens } = found;
    for (const w of webhooks) checkWebhookConnection(w);
    const routes = webhooks.map((w) => compileRoute(w.path, w.method, { flowId, nodeId: w.nodeId, auth: w.auth, respond: w.respond, ...(w.credential ? { credential: w.credential } : {}) }));
    const others = allRoutes();
    for (const r of routes) {
      const clash = others.find((o) => sameRoute(o, r)) ?? routes.find((o) => o !== r && sameRoute(o, r));
      if (clash) throw new JunctionError('flows.route-taken', `The webhook path /hook/${r.segments.join('/')} is already taken by ${clash.target.flowId === flowId ? 'another trigger of this flow' : `the active flow "${clash.target.flowId}"`}`, { path: 'id' });
    }
    const handles = [
      ...schedules.map((s) => startSchedule(s.cron, s.timezone, timers, (dueMs) => {
        fire(flowId, s.nodeId, 'schedule', [{ scheduledAt: new Date(dueMs).toISOString(), firedAt: new Date(timers.now()).toISOString() }]);
      })),
      ...polls.map((p) => startPoll(p.intervalMs, timers, () => poll(flowId, p.nodeId))),
    ];
    const entry: Armed = { flow, routes, stops: handles.map((h) => h.stop), next: handles.map((h) => h.next) };
    armed.set(flowId, entry);
    server?.setRoutes(allRoutes());
    if (!listens.length) return;
    const started = await startListeners(flow, listens, {
      credentials: opts.credentials,
      log: (node, level, message) => opts.warn?.(`${level === 'warn' ? 'warning' : level} from "${node}" in "${flow.name}": ${message}`),
      emit: (nodeId, items) => { fire(flowId, nodeId, 'event', items); },
    });
    const letGo = () => { for (const stop of started.stops) { const p = stop().finally(() => stopping.delete(p)); stopping.add(p); } };
    if (armed.get(flowId) !== entry || started.failure) {
      letGo();
      if (armed.get(flowId) === entry) disarm(flowId);
      if (started.failure) throw started.failure;
      return;
    }
    entry.stops.push(letGo);
  }

  /** Arms an active flow, keeping the reason when it cannot be (the others still run). */
  const tryArm = (flowId: string) => arm(flowId).catch((e: Error) => {
    problems.set(flowId, e.message);
    opts.warn?.(`The active flow ${flowId} has no live triggers: ${e.message}`);
  });

  function status(flowId: string): TriggerStatus {
    const a = armed.get(flowId);
    const nexts = a?.next.map((n) => n()).filter((n): n is number => n !== undefined) ?? [];
    const last = opts.store.triggers.history(flowId, 1)[0];
    return {
      flowId,
      isActive: opts.store.triggers.activeFlows(opts.workspace).includes(flowId),
      ...(nexts.length ? { nextFireAt: new Date(Math.min(...nexts)).toISOString() } : {}),
      ...(lastPolled.has(flowId) ? { lastPolledAt: new Date(lastPolled.get(flowId)!).toISOString() } : {}),
      webhooks: (a?.routes ?? []).map((r) => ({ nodeId: r.target.nodeId, method: r.method, url: `${listenUrl ?? 'http://127.0.0.1:<port>'}/hook/${r.segments.join('/')}` })),
      ...(last ? { lastEvent: { at: last.at, kind: last.kind, outcome: last.outcome, ...(last.status ? { status: last.status } : {}), ...(last.runId ? { runId: last.runId } : {}), ...(last.detail ? { detail: last.detail } : {}) } } : {}),
      ...(problems.has(flowId) ? { problem: problems.get(flowId) } : {}),
    };
  }

  return {
    /** Starts the listener and arms every active flow of the workspace. */
    async start() {
      server = createWebhookServer({
        ...opts.webhook, nowMs: timers.now, accept, keyOf: (target) => webhookKey(target.credential, opts.credentials),
        refused: (target, status, detail) => { if (target) record(target.flowId, target.nodeId, 'webhook', 'rejected', { status, detail }); },
      });
      try {
        const port = await server.listen().catch((e: NodeJS.ErrnoException) => {
          if (e.code !== 'EADDRINUSE' || !opts.webhook?.isPortFlexible) throw e;
          opts.warn?.(`Port ${opts.webhook.port} is busy; webhooks listen on a free port instead.`);
          return server!.listen(0);
        });
        listenUrl = `http://${opts.webhook?.host ?? '127.0.0.1'}:${port}`;
      } catch (e) {
        opts.warn?.(`The webhook listener could not start: ${(e as Error).message}`);
        server = undefined;
      }
      await Promise.all(opts.store.triggers.activeFlows(opts.workspace).map(tryArm));
      server?.setRoutes(allRoutes());
    },
    async activate(flowId: string): Promise<TriggerStatus> {
      await arm(flowId); // throws with the reason before anything is stored
      opts.store.triggers.setActive(opts.workspace, flowId, true);
      return status(flowId);
    },
    /** Resolves once its event triggers have let go. */
    async deactivate(flowId: string): Promise<TriggerStatus> {
      opts.store.triggers.setActive(opts.workspace, flowId, false);
      disarm(flowId);
      problems.delete(flowId);
      await Promise.allSettled([...stopping]);
      return status(flowId);
    },
    /** Re-reads active flows after files changed (a save, a git checkout). */
    refresh() {
      const active = new Set(opts.store.triggers.activeFlows(opts.workspace));
      for (const id of armed.keys()) if (!active.has(id)) disarm(id);
      for (const id of active) {
        // An unchanged flow keeps its listeners and poll timers (a save elsewhere must not restart them).
        const current = armed.get(id);
        try { if (current && JSON.stringify(current.flow) === JSON.stringify(opts.loadFlow(id))) continue; } catch { /* tryArm keeps the reason */ }
        void tryArm(id);
      }
    },
    status,
    statusAll: () => opts.store.triggers.activeFlows(opts.workspace).map(status),
    get webhookUrl() { return listenUrl; },
    async close() {
      for (const id of [...armed.keys()]) disarm(id);
      await Promise.allSettled([...stopping]);
      await server?.close();
    },
  };
}

export type TriggerHost = ReturnType<typeof createTriggerHost>;
