import type { CredentialRef, FlowFile, FlowNode } from '../flow/types';
import type { NodeLookup } from '../flow';
import type { NodeType } from '../sdk/types';
import { MIN_POLL_SECONDS } from './poll';
import type { WebhookAuth } from './webhook-auth';

export interface ScheduleTrigger { nodeId: string; cron: string; timezone?: string }
export interface WebhookTrigger { nodeId: string; nodeName: string; path: string; method: string; auth: WebhookAuth; respond: 'immediately' | 'respondNode'; credential?: CredentialRef }
/** A node type with `poll`: a run every `intervalMs` while the flow is active. */
export interface PollTrigger { nodeId: string; intervalMs: number }
/** A node type with `listen`: started in the engine's process while the flow is active. */
export interface ListenTrigger { node: FlowNode; type: NodeType & { listen: NonNullable<NodeType['listen']> } }

export interface FlowTriggers { schedules: ScheduleTrigger[]; webhooks: WebhookTrigger[]; polls: PollTrigger[]; listens: ListenTrigger[] }

/** The enabled triggers of a validated flow (params already hold their defaults). */
export function flowTriggers(flow: FlowFile, types: Pick<NodeLookup, 'get'>): FlowTriggers {
  const found: FlowTriggers = { schedules: [], webhooks: [], polls: [], listens: [] };
  for (const node of flow.nodes) {
    if (node.settings?.disabled) continue;
    const p = node.params as Record<string, unknown>;
    if (node.type === 'trigger.schedule') {
      const timezone = (p.timezone as string | undefined) || flow.settings.timezone || undefined;
      found.schedules.push({ nodeId: node.id, cron: String(p.cron), ...(timezone ? { timezone } : {}) });
      continue;
    }
    if (node.type === 'trigger.webhook') {
      found.webhooks.push({
        nodeId: node.id, nodeName: node.name, path: String(p.path), method: String(p.method ?? 'POST'),
        auth: (p.auth as WebhookAuth | undefined) ?? { type: 'none' },
        respond: p.respond === 'respondNode' ? 'respondNode' : 'immediately',
        ...(node.credentials?.auth ? { credential: node.credentials.auth } : {}),
      });
      continue;
    }
    const type = types.get(node.type, node.version);
    if (!type?.isTrigger) continue;
    if (type.poll) {
      const seconds = Number(type.poll.intervalSeconds(p as never));
      found.polls.push({ nodeId: node.id, intervalMs: Math.max(MIN_POLL_SECONDS, Number.isFinite(seconds) ? seconds : MIN_POLL_SECONDS) * 1000 });
    } else if (type.listen) {
      found.listens.push({ node, type: type as ListenTrigger['type'] });
    }
  }
  return found;
}

export const hasTriggers = (t: FlowTriggers) => t.schedules.length + t.webhooks.length + t.polls.length + t.listens.length > 0;
