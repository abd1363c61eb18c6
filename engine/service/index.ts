/**
 * The engine service: every method of engine/api.ts over one workspace folder and one run
 * store. Transports (WebSocket, Electron IPC) carry it; they add no logic of their own.
 */
import { join, resolve } from 'node:path';
import { version } from '../../package.json';
import type { ApiEvent, Handlers } from '../api';
import { describeNode } from '../catalog';
import { allowedEnv, lazyCodeRunner, systemClock } from '../exec';
import { parseFlowText, type FlowFile } from '../flow';
import { builtinRegistry, type NodeRegistry } from '../registry';
import { openRunStore, STORE_FILE } from '../store';
import type { Clock } from '../sdk/types';
import { exprHandlers } from './expr';
import { flowHandlers } from './flows';
import { openFlowVersions } from './flow-versions';
import { createRuns } from './runs';
import { triggerHandlers } from './triggers';
import { createTriggerHost } from '../triggers/activation';
import { createDeliveryWorker } from '../triggers/delivery-worker';
import { outboxObserver } from '../triggers/outbox';
import { systemTimers, type Timers } from '../triggers/schedule';
import { JunctionError } from '../sdk/errors';
import { formatProblems } from '../flow';
import { openWorkspace } from './workspace';
import { readWorkspaceVars } from './workspace-vars';

export interface ServiceOptions {
  /** The folder holding `flows/`. */
  workspace: string;
  /** Where the run history database lives. */
  dataDir: string;
  /** Node types; the ones under nodes/ when absent. */
  types?: NodeRegistry;
  clock?: Clock;
  /** `$env` of expressions; the JUNCTION_ENV_ALLOW names of this process when absent. */
  env?: Record<string, string>;
  /** The webhook listener (127.0.0.1 and a free port unless given) and its body limit. */
  webhook?: { port?: number; host?: string; maxBodyBytes?: number; isPortFlexible?: boolean };
  /** Timers of schedules and delivery retries (tests drive them). */
  timers?: Timers;
  /** False keeps triggered runs out of run history. */
  recordTriggeredRuns?: boolean;
}

export interface Service {
  handlers: Handlers;
  /** Subscribes to engine and workspace events (item data never included); returns the unsubscribe. */
  events(listener: (event: ApiEvent) => void): () => void;
  /**
   * Makes active flows' triggers live (schedules, the webhook listener) and resumes pending
   * outgoing deliveries: `junction serve`, `junction start` and the desktop app call it.
   */
  startTriggers(): Promise<{ webhookUrl?: string }>;
  /** Cancels running runs, waits for them, and closes the store. */
  close(): Promise<void>;
}

/** Coalesces bursts (a save writes a temp file and renames it; git checks out many files) into one event. */
const CHANGE_DEBOUNCE_MS = 100;

export function createService(opts: ServiceOptions): Service {
  const workspace = resolve(opts.workspace);
  const dataDir = resolve(opts.dataDir);
  const types = opts.types ?? builtinRegistry();
  const clock = opts.clock ?? systemClock;
  const env = opts.env ?? allowedEnv();
  const listeners = new Set<(event: ApiEvent) => void>();
  const emit = (event: ApiEvent) => {
    for (const l of listeners) {
      try { l(event); } catch (e) { process.stderr.write(`junction: an event listener failed: ${(e as Error)?.stack ?? String(e)}\n`); }
    }
  };

  let changeTimer: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(changeTimer);
    changeTimer = setTimeout(() => {
      // Active flows pick up what was saved (or checked out) at once.
      if (isLive) triggers.refresh();
      emit({ type: 'flows.changed' });
    }, CHANGE_DEBOUNCE_MS);
  };

  const store = openRunStore(join(dataDir, STORE_FILE));
  const ws = openWorkspace(workspace, changed);
  const code = lazyCodeRunner('isolated');
  const trustedCode = lazyCodeRunner('trusted');
  const trust = {
    isTrusted: (flowId: string) => !flowId.startsWith('file:') && store.trust.isTrusted(workspace, flowId),
    trust: (flowId: string, reason: 'created' | 'trusted') => store.trust.trust(workspace, flowId, reason),
    distrust: (flowId: string) => store.trust.distrust(workspace, flowId),
  };
  /** Error flows are looked up among the workspace's valid flows. */
  const findFlow = (id: string): FlowFile | undefined => {
    const entry = ws.find(id);
    return entry ? parseFlowText(ws.readText(entry.file), types).flow : undefined;
  };
  // A getter: each run (the runtime is spread per run) reads the workspace's current vars.json.
  const runtime = { code, trustedCode, isTrusted: (flow: FlowFile) => trust.isTrusted(flow.id), env, findFlow, get vars() { return readWorkspaceVars(workspace); } };
  const worker = createDeliveryWorker({ store: store.deliveries, timers: opts.timers, env: process.env });
  const timers = opts.timers ?? systemTimers;
  const outbox = outboxObserver(store.deliveries, () => worker.kick(), timers.now);
  const runs = createRuns({ types, store, clock: opts.clock, runtime, emit, observers: [outbox] });
  const loadFlow = (id: string): FlowFile => {
    const entry = ws.find(id);
    if (!entry) throw new JunctionError('flow.not-found', `There is no flow "${id}" in this workspace`, { path: 'id' });
    const { flow, problems } = parseFlowText(ws.readText(entry.file), types);
    if (!flow || problems.length) throw new JunctionError('flow.invalid', `The flow cannot run until these problems are fixed:\n${formatProblems(problems)}`, { path: 'id' });
    return flow;
  };
  const triggers = createTriggerHost({
    workspace, store, loadFlow, launch: runs.launch, webhook: opts.webhook, timers: opts.timers, env: process.env,
    isRecorded: opts.recordTriggeredRuns ?? true, warn: (m) => process.stderr.write(`junction: ${m}\n`),
  });
  let isLive = false;

  const flows = flowHandlers({ ws, types, clock, trust, lastRun: (flowId) => store.listRuns({ flowId, limit: 1 })[0] });
  const versions = openFlowVersions(join(dataDir, 'versions'), clock, types);
  const handlers: Handlers = {
    'workspace.info': async () => ({ workspace, dataDir, version }),
    'nodes.catalog': async () => types.all().map(describeNode),
    ...flows,
    // Each save is kept in the flow's local history, starting with the file as it was before.
    'flows.save': async (input) => {
      const before = input.flow?.id ? ws.find(input.flow.id) : undefined;
      if (before) versions.recordText(before.id, ws.readText(before.file));
      const out = await flows['flows.save'](input);
      versions.record(input.flow);
      return out;
    },
    ...versions.handlers,
    ...runs.handlers,
    ...triggerHandlers({ host: triggers, deliveries: store.deliveries, worker, now: timers.now }),
    ...exprHandlers({ types, runs, store, clock, env, vars: () => readWorkspaceVars(workspace) }),
  };

  let closing: Promise<void> | undefined;
  return {
    handlers,
    async startTriggers() {
      if (!isLive) {
        isLive = true;
        await triggers.start();
        worker.start();
      }
      return triggers.webhookUrl ? { webhookUrl: triggers.webhookUrl } : {};
    },
    events(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    close: () => (closing ??= (async () => {
      clearTimeout(changeTimer);
      ws.close();
      await triggers.close();
      await worker.close();
      await runs.close();
      await Promise.all([code.close(), trustedCode.close()]);
      store.close();
      listeners.clear();
    })()),
  };
}
