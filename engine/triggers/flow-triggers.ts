import type { FlowFile } from '../flow/types';
import type { WebhookAuth } from './webhook-auth';

export interface ScheduleTrigger { nodeId: string; cron: string; timezone?: string }
export interface WebhookTrigger { nodeId: string; path: string; method: string; auth: WebhookAuth; respond: 'immediately' | 'respondNode' }

/** The enabled schedule and webhook triggers of a validated flow (params already hold their defaults). */
export function flowTriggers(flow: FlowFile): { schedules: ScheduleTrigger[]; webhooks: WebhookTrigger[] } {
  const schedules: ScheduleTrigger[] = [];
  const webhooks: WebhookTrigger[] = [];
  for (const node of flow.nodes) {
    if (node.settings?.disabled) continue;
    const p = node.params as Record<string, unknown>;
    if (node.type === 'trigger.schedule') {
      const timezone = (p.timezone as string | undefined) || flow.settings.timezone || undefined;
      schedules.push({ nodeId: node.id, cron: String(p.cron), ...(timezone ? { timezone } : {}) });
    } else if (node.type === 'trigger.webhook') {
      webhooks.push({
        nodeId: node.id, path: String(p.path), method: String(p.method ?? 'POST'),
        auth: (p.auth as WebhookAuth | undefined) ?? { type: 'none' },
        respond: p.respond === 'respondNode' ? 'respondNode' : 'immediately',
      });
    }
  }
  return { schedules, webhooks };
}
