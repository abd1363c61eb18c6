import type { EngineEvent } from '../exec/events';
import type { HookAnswer } from './webhook-server';

export const RESPOND_TYPE = 'trigger.respond';

/**
 * Builds a run observer that resolves with the answer of the run's first Respond to Webhook
 * node, or, when the run ends without one, with the run's outcome.
 */
export function waitForRespond(runId: string): { observer: (e: EngineEvent) => void; answer: Promise<HookAnswer> } {
  let resolve!: (a: HookAnswer) => void;
  const answer = new Promise<HookAnswer>((r) => { resolve = r; });
  const observer = (e: EngineEvent) => {
    if (e.type === 'node.finished' && e.nodeType === RESPOND_TYPE && e.status === 'success') {
      const sent = e.data?.output.main?.[0]?.json as { status?: number; headers?: Record<string, string>; body?: unknown } | undefined;
      if (sent) resolve({ status: sent.status ?? 200, headers: sent.headers ?? {}, body: sent.body });
    } else if (e.type === 'run.finished') {
      resolve(e.status === 'success'
        ? { status: 200, body: { runId, note: 'the run ended without reaching a Respond to Webhook node' } }
        : { status: 500, body: { runId, error: e.error?.message ?? `the run ended ${e.status}` } });
    }
  };
  return { observer, answer };
}
