/**
 * Event triggers: a node type's `listen`, run in the engine's own process while its flow is
 * active. Each emit hands its items to the host, which starts a run through the overlap gate.
 */
import { createRedactor } from '../exec/redact';
import type { CredentialResolver } from '../exec/run-context';
import type { FlowFile } from '../flow/types';
import { JunctionError } from '../sdk/errors';
import type { LogLevel } from '../exec/events';
import type { Logger, TriggerContext } from '../sdk/types';
import type { ListenTrigger } from './flow-triggers';

export interface ListenerDeps {
  flow: FlowFile;
  trigger: ListenTrigger;
  /** Resolves the node's connections (the service's connection manager); none: a node that needs one fails to start. */
  credentials?: CredentialResolver;
  /** Where the listener's log lines go, secrets already masked. */
  log(level: LogLevel, message: string): void;
  emit(items: Record<string, unknown>[]): void;
}

/** Starts one event trigger; resolves to its stop, which aborts its signal and waits for it to let go. */
export async function startListener({ flow, trigger, credentials, log, emit }: ListenerDeps): Promise<() => Promise<void>> {
  const { node, type } = trigger;
  const controller = new AbortController();
  const redactor = createRedactor();
  const say = (level: LogLevel) => (message: string) => log(level, redactor.text(String(message)).slice(0, 4000));
  const logger: Logger = { debug: say('debug'), info: say('info'), warn: say('warn'), error: say('error') };
  const ctx: TriggerContext<never> = {
    node: { id: node.id, name: node.name, type: node.type, version: node.version },
    flow: { id: flow.id, name: flow.name },
    params: node.params as never,
    signal: controller.signal,
    log: logger,
    async credential(slot) {
      const ref = node.credentials?.[slot];
      if (!ref) return undefined;
      if (!credentials) throw new JunctionError('connection.unavailable', `Connections are not available here; "${ref.name}" cannot be used.`, { node: node.name });
      const resolved = await credentials(ref);
      redactor.add(resolved.secrets());
      return resolved;
    },
  };
  let isStopped = false;
  const onEmit = (items: Record<string, unknown>[]) => {
    if (isStopped) return;
    if (!Array.isArray(items) || items.some((i) => typeof i !== 'object' || i === null || Array.isArray(i))) {
      logger.error(`"${node.name}" emitted something other than a list of objects; no run started`);
      return;
    }
    if (items.length) emit(items);
  };
  let stop: () => Promise<void>;
  try {
    stop = await type.listen(ctx, onEmit);
  } catch (e) {
    isStopped = true;
    controller.abort();
    throw new JunctionError('trigger.listen', `"${node.name}" could not start listening: ${redactor.text((e as Error)?.message ?? String(e))}`, { node: node.name });
  }
  return async () => {
    if (isStopped) return;
    isStopped = true;
    controller.abort();
    try {
      await stop();
    } catch (e) {
      logger.warn(`stopping failed: ${(e as Error)?.message ?? String(e)}`);
    }
  };
}

/** Starts every event trigger of a flow at once; the ones that started, and the first failure if any. */
export async function startListeners(
  flow: FlowFile, listens: ListenTrigger[],
  d: { credentials?: CredentialResolver; log(node: string, level: LogLevel, message: string): void; emit(nodeId: string, items: Record<string, unknown>[]): void },
): Promise<{ stops: (() => Promise<void>)[]; failure?: unknown }> {
  const started = await Promise.allSettled(listens.map((trigger) => startListener({
    flow, trigger, credentials: d.credentials,
    log: (level, message) => d.log(trigger.node.name, level, message),
    emit: (items) => d.emit(trigger.node.id, items),
  })));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  return { stops: started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])), ...(failed ? { failure: failed.reason as unknown } : {}) };
}
