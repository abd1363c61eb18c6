import { defineNode, p } from '../../engine/sdk';

export default defineNode({
  type: 'webhook.send', version: 1,
  title: 'Send Webhook', category: 'connector', icon: 'send',
  description: 'Queues a signed POST per item (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature). Delivery retries with exponential backoff and jitter, survives restarts, and lands in the dead-letter list when every attempt fails.',
  inputs: ['main'], outputs: ['main'],
  params: p.object({
    url: p.string().required().placeholder('https://example.com/hooks/orders'),
    body: p.json().describe('The payload; the item\'s JSON when empty.'),
    headers: p.keyValue(),
    // Until connections land, the secret comes from an environment variable named here; the flow holds only the name.
    secretEnv: p.string().literal().placeholder('WEBHOOK_SIGNING_SECRET').describe('Name of the environment variable holding the whsec_… signing secret; unsigned when empty.'),
    attempts: p.number().int().min(1).max(50).default(8).describe('Attempts before the delivery becomes a dead letter.'),
  }),
  // The engine's delivery queue takes these items from the node's output (see engine/triggers/outbox.ts).
  execute(ctx) {
    const main = [];
    for (const { item, index, params } of ctx.each()) {
      let url: URL;
      try {
        url = new URL(String(params.url));
      } catch {
        return ctx.fail(`item ${index}: "${String(params.url).slice(0, 200)}" is not a URL`, { path: 'params.url' });
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return ctx.fail(`item ${index}: only http and https URLs can receive webhooks`, { path: 'params.url' });
      const body = JSON.stringify(params.body === undefined || params.body === null || params.body === '' ? item.json : params.body);
      main.push(ctx.newItem({
        delivery: { url: url.href, body, headers: params.headers ?? {}, maxAttempts: params.attempts, ...(params.secretEnv ? { secretEnv: params.secretEnv } : {}) },
      }, item));
    }
    return { main };
  },
});
