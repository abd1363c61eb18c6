/**
 * The engine service: every method of engine/api.ts over one workspace folder and one run
 * store. Transports (WebSocket, Electron IPC) carry it; they add no logic of their own.
 */
import { importForeignHandler } from './import-foreign';
import { join, resolve } from 'node:path';
import { version } from '../../package.json';
import type { ApiEvent, Handlers } from '../api';
import { describeNode } from '../catalog';
import { allowedEnv, systemClock } from '../exec';
import { parseFlowText, type FlowFile } from '../flow';
import { builtinRegistry, type NodeRegistry } from '../registry';
import { openRunStore, STORE_FILE } from '../store';
import type { Clock } from '../sdk/types';
import { createConnectionManager } from '../connections';
import { createSecrets } from '../secrets';
import { connectionHandlers, missingConnectionProblems } from './connections';
import { dbSchemaHandlers } from './db-schema';
import { exprHandlers } from './expr';
import { filePreviewHandlers } from './file-preview';
import { flowHandlers } from './flows';
import { openFlowVersions } from './flow-versions';
import { createRuns } from './runs';
import { triggerHandlers } from './triggers';
import { createTriggerHost } from '../triggers/activation';
import { createDeliveryWorker } from '../triggers/delivery-worker';
import { outboxObserver, SEND_TYPE } from '../triggers/outbox';
import { RESPOND_TYPE } from '../triggers/respond-waiter';
import { systemTimers, type Timers } from '../triggers/schedule';
import { JunctionError } from '../sdk/errors';
import { formatProblems } from '../flow';
import { openWorkspace } from './workspace';
import { readWorkspaceVars } from './workspace-vars';
import { createPreviewHost, createRunHost, type TypesModule } from '../worker';

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
  /** Where run processes load `types` from, when they are not the built-in node types. */
  typesModule?: TypesModule;
  /** The heap cap of each run's process (JUNCTION_RUN_MEMORY_MB or 2,048 MB when absent). */
  runMemoryMb?: number;
  /** JUNCTION_SECRETS / JUNCTION_SECRETS_PASSPHRASE; this process's environment when absent. */
  secretsEnv?: Record<string, string | undefined>;
  /** A secret store instead of the OS keychain (tests). */
  keychain?: () => import('../secrets').SecretStore;
  /** Opens a URL in the system browser (OAuth2 sign-in). */
  openUrl?: (url: string) => void;
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

  const storePath = join(dataDir, STORE_FILE);
  // Relative file paths in flows (Read File, Write File) start at the workspace folder: run and
  // preview processes inherit this from the service, which serves one workspace.
  process.env.JUNCTION_WORKSPACE = workspace;
  const store = openRunStore(storePath);
  const ws = openWorkspace(workspace, changed);
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
  const secrets = createSecrets({ dataDir, env: opts.secretsEnv, settings: store.settings, keychain: opts.keychain });
  const connections = createConnectionManager({ store: store.connections, secrets, now: () => clock.now(), changed: () => emit({ type: 'connections.changed' }) });
  // Connections resolve here, in the service, which alone holds the secret store: a run's process asks for each use.
  const runtime = { env, findFlow, credentials: connections.resolve, isTrusted: (flow: FlowFile) => trust.isTrusted(flow.id), get vars() { return readWorkspaceVars(workspace); } };
  // Runs and previews execute in worker processes: flow content never holds this thread or ends this process.
  const host = createRunHost({ storePath, typesModule: opts.typesModule, memoryMb: opts.runMemoryMb, keepWarm: true });
  const previews = createPreviewHost();
  const worker = createDeliveryWorker({
    store: store.deliveries, timers: opts.timers,
    signingSecret: async (id) => (await connections.resolve({ id, type: 'webhookSecret', name: store.connections.get(id)?.name ?? id })).secret?.('secret'),
  });
  const timers = opts.timers ?? systemTimers;
  const outbox = outboxObserver(store.deliveries, () => worker.kick(), timers.now);
  const runs = createRuns({ types, store, runtime, emit, host, observers: [outbox], eventDataOf: [RESPOND_TYPE, SEND_TYPE] });
  const loadFlow = (id: string): FlowFile => {
    const entry = ws.find(id);
    if (!entry) throw new JunctionError('flow.not-found', `There is no flow "${id}" in this workspace`, { path: 'id' });
    const { flow, problems } = parseFlowText(ws.readText(entry.file), types);
    if (!flow || problems.length) throw new JunctionError('flow.invalid', `The flow cannot run until these problems are fixed:\n${formatProblems(problems)}`, { path: 'id' });
    return flow;
  };
  const triggers = createTriggerHost({
    workspace, store, loadFlow, types, credentials: connections.resolve, launch: runs.launch, webhook: opts.webhook, timers: opts.timers,
    isRecorded: opts.recordTriggeredRuns ?? true, warn: (m) => process.stderr.write(`junction: ${m}\n`),
  });
  let isLive = false;

  const flows = flowHandlers({ ws, types, clock, trust, lastRun: (flowId) => store.listRuns({ flowId, limit: 1 })[0] });
  const versions = openFlowVersions(join(dataDir, 'versions'), clock, types);
  const workspaceFlows = () => ws.list().flatMap((e) => {
    try { return e.id.startsWith('file:') ? [] : [parseFlowText(ws.readText(e.file), types).flow ?? []].flat(); } catch { return []; }
  });
  const exists = (id: string) => store.connections.get(id) !== undefined;
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
    // A node whose connection was deleted (or never existed here) says so, with its node id.
    'flows.get': async (input) => {
      const out = await flows['flows.get'](input);
      return { ...out, problems: [...out.problems, ...missingConnectionProblems(out.flow, exists)] };
    },
    'flows.validate': async (input) => {
      const out = await flows['flows.validate'](input);
      return { ...out, problems: [...out.problems, ...missingConnectionProblems(input.flow, exists)] };
    },
    'flows.import': async (input) => {
      const out = await flows['flows.import'](input);
      return { ...out, missingConnections: out.missingConnections.filter((ref) => !exists(ref.id)) };
    },
    ...importForeignHandler({ importFlow: (input) => handlers['flows.import'](input), exists }),
    ...versions.handlers,
    ...runs.handlers,
    ...connectionHandlers({
      manager: connections, secrets, flows: workspaceFlows, now: () => clock.now(), openUrl: opts.openUrl,
      getFlow: async (id) => (await flows['flows.get']({ id })).flow,
      saveFlow: (flow) => handlers['flows.save']({ flow }),
    }),
    ...triggerHandlers({ host: triggers, deliveries: store.deliveries, worker, now: timers.now }),
    ...exprHandlers({ types, runs, store, clock, env, vars: () => readWorkspaceVars(workspace), previews }),
    ...filePreviewHandlers({ types, workspace }),
    ...dbSchemaHandlers({ types, connections }),
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
      host.close();
      await previews.close();
      store.close();
      listeners.clear();
    })()),
  };
}
