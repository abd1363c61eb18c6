/**
 * Live triggers: which flows are active (kept in the store per workspace), their schedules
 * armed and their webhook routes on the one listener, each firing offered to the flow's overlap
 * gate and run through the service's run path so history records it.
 */
import { randomUUID } from 'node:crypto';
import type { FlowFile } from '../flow/types';
import type { RunStore, TriggerKind, TriggerOutcome } from '../store';
import { JunctionError } from '../sdk/errors';
import type { RunObserver } from '../exec';
import { flowTriggers } from './flow-triggers';
import { createOverlapGate, type OverlapGate } from './overlap';
import { waitForRespond } from './respond-waiter';
import { compileRoute, sameRoute, type Route } from './routes';
import { startSchedule, systemTimers, type Timers } from './schedule';
import { createWebhookServer, type HookAnswer, type HookCall, type HookTarget, type WebhookServer } from './webhook-server';

export interface TriggerHostOptions {
  workspace: string;
  store: Pick<RunStore, 'triggers' | 'listRuns'>;
  /** The flow by id, validated with defaults filled; throws a JunctionError naming the problems. */
  loadFlow(flowId: string): FlowFile;
  launch(flow: FlowFile, how: { trigger: string; input: Record<string, unknown>[]; observers?: RunObserver[]; isRecorded?: boolean }, runId?: string): { runId: string; done: Promise<unknown> };
  /** `isPortFlexible`: take a free port when the given one is busy (the editor's server does; `junction start` does not). */
  webhook?: { port?: number; host?: string; maxBodyBytes?: number; isPortFlexible?: boolean };
  timers?: Timers;
  env?: Record<string, string | undefined>;
  /** False keeps triggered runs out of run history (the bench compares both). */
  isRecorded?: boolean;
  /** Told when a trigger could not be armed or the listener could not start. */
  warn?(message: string): void;
}

export interface TriggerStatus {
  flowId: string;
  isActive: boolean;
  /** Next fire instant among the flow's schedules (ISO), when it has any. */
  nextFireAt?: string;
  webhooks: { nodeId: string; method: string; url: string }[];
  lastEvent?: { at: string; outcome: TriggerOutcome; status?: number; runId?: string; detail?: string };
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
  let server: WebhookServer | undefined;
  let listenUrl: string | undefined;

  const gateOf = (flowId: string) => {
    let gate = gates.get(flowId);
    if (!gate) gates.set(flowId, (gate = createOverlapGate(() => armed.get(flowId)?.flow.settings.concurrency ?? 'queue')));
    return gate;
  };
  const record = (flowId: string, nodeId: string, kind: TriggerKind, outcome: TriggerOutcome, extra: { status?: number; runId?: string; detail?: string } = {}) => {
    if (outcome === 'rejected' || isRecorded) opts.store.triggers.record({ flowId, nodeId, kind, at: new Date(timers.now()).toISOString(), outcome, ...extra });
  };

  /** Offers one firing to the flow's gate; the run id is chosen now so a queued call can be told it. */
  function fire(flowId: string, nodeId: string, kind: TriggerKind, input: Record<string, unknown>, observers: RunObserver[] = [], runId = randomUUID()) {
    const outcome = gateOf(flowId).offer(() => {
      const current = armed.get(flowId);
      if (!current) return Promise.resolve(); // deactivated while queued
      return opts.launch(current.flow, { trigger: nodeId, input: [input], observers, isRecorded }, runId).done;
    });
    record(flowId, nodeId, kind, outcome, outcome === 'skipped' ? { detail: 'a run of this flow was still going (overlap policy "skip")' } : { runId });
    return { runId, outcome };
  }

  async function accept(target: HookTarget, call: HookCall): Promise<HookAnswer> {
    const runId = randomUUID();
    const waiter = target.respond === 'respondNode' ? waitForRespond(runId) : undefined;
    const { outcome } = fire(target.flowId, target.nodeId, 'webhook', call as unknown as Record<string, unknown>, waiter ? [waiter.observer] : [], runId);
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

  function arm(flowId: string) {
    disarm(flowId);
    problems.delete(flowId);
    const flow = opts.loadFlow(flowId);
    const { schedules, webhooks } = flowTriggers(flow);
    if (!schedules.length && !webhooks.length) {
      throw new JunctionError('flows.no-trigger', `"${flow.name}" has no Schedule or Webhook trigger, so activating it would never start a run`, { path: 'id' });
    }
    const routes = webhooks.map((w) => compileRoute(w.path, w.method, { flowId, nodeId: w.nodeId, auth: w.auth, respond: w.respond }));
    const others = allRoutes();
    for (const r of routes) {
      const clash = others.find((o) => sameRoute(o, r)) ?? routes.find((o) => o !== r && sameRoute(o, r));
      if (clash) throw new JunctionError('flows.route-taken', `The webhook path /hook/${r.segments.join('/')} is already taken by ${clash.target.flowId === flowId ? 'another trigger of this flow' : `the active flow "${clash.target.flowId}"`}`, { path: 'id' });
    }
    const handles = schedules.map((s) => startSchedule(s.cron, s.timezone, timers, (dueMs) => {
      fire(flowId, s.nodeId, 'schedule', { scheduledAt: new Date(dueMs).toISOString(), firedAt: new Date(timers.now()).toISOString() });
    }));
    armed.set(flowId, { flow, routes, stops: handles.map((h) => h.stop), next: handles.map((h) => h.next) });
    server?.setRoutes(allRoutes());
  }

  /** Arms an active flow, keeping the reason when it cannot be (the others still run). */
  const tryArm = (flowId: string) => {
    try {
      arm(flowId);
    } catch (e) {
      const message = (e as Error).message;
      problems.set(flowId, message);
      opts.warn?.(`The active flow ${flowId} has no live triggers: ${message}`);
    }
  };

  function status(flowId: string): TriggerStatus {
    const a = armed.get(flowId);
    const nexts = a?.next.map((n) => n()).filter((n): n is number => n !== undefined) ?? [];
    const last = opts.store.triggers.history(flowId, 1)[0];
    return {
      flowId,
      isActive: opts.store.triggers.activeFlows(opts.workspace).includes(flowId),
      ...(nexts.length ? { nextFireAt: new Date(Math.min(...nexts)).toISOString() } : {}),
      webhooks: (a?.routes ?? []).map((r) => ({ nodeId: r.target.nodeId, method: r.method, url: `${listenUrl ?? 'http://127.0.0.1:<port>'}/hook/${r.segments.join('/')}` })),
      ...(last ? { lastEvent: { at: last.at, outcome: last.outcome, ...(last.status ? { status: last.status } : {}), ...(last.runId ? { runId: last.runId } : {}), ...(last.detail ? { detail: last.detail } : {}) } } : {}),
      ...(problems.has(flowId) ? { problem: problems.get(flowId) } : {}),
    };
  }

  return {
    /** Starts the listener and arms every active flow of the workspace. */
    async start() {
      server = createWebhookServer({
        ...opts.webhook, env: opts.env, nowMs: timers.now, accept,
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
      for (const id of opts.store.triggers.activeFlows(opts.workspace)) tryArm(id);
      server?.setRoutes(allRoutes());
    },
    activate(flowId: string): TriggerStatus {
      arm(flowId); // throws with the reason before anything is stored
      opts.store.triggers.setActive(opts.workspace, flowId, true);
      return status(flowId);
    },
    deactivate(flowId: string): TriggerStatus {
      opts.store.triggers.setActive(opts.workspace, flowId, false);
      disarm(flowId);
      problems.delete(flowId);
      return status(flowId);
    },
    /** Re-reads active flows after files changed (a save, a git checkout). */
    refresh() {
      const active = new Set(opts.store.triggers.activeFlows(opts.workspace));
      for (const id of armed.keys()) if (!active.has(id)) disarm(id);
      for (const id of active) tryArm(id);
    },
    status,
    statusAll: () => opts.store.triggers.activeFlows(opts.workspace).map(status),
    get webhookUrl() { return listenUrl; },
    async close() {
      for (const id of [...armed.keys()]) disarm(id);
      await server?.close();
    },
  };
}

export type TriggerHost = ReturnType<typeof createTriggerHost>;
