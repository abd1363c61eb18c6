import { defineNode, p } from '../../engine/sdk';

export default defineNode({
  type: 'webhook.send', version: 1,
  title: 'Send Webhook', category: 'connector', icon: 'send',
  description: 'Queues a signed POST per item (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature). Delivery retries with exponential backoff and jitter, survives restarts, and lands in the dead-letter list when every attempt fails.',
  inputs: ['main'], outputs: ['main'],
  credentials: [{ slot: 'secret', types: ['webhookSecret'], optional: true, label: 'Signing secret' }],
  params: p.object({
    url: p.string().required().placeholder('https://example.com/hooks/orders'),
    body: p.json().describe('The payload; the item\'s JSON when empty.'),
    headers: p.keyValue(),
    attempts: p.number().int().min(1).max(50).default(8).describe('Attempts before the delivery becomes a dead letter.'),
  }),
  // Unsigned without a connection. The engine's delivery queue takes these items from the node's output (see engine/triggers/outbox.ts).
  async execute(ctx) {
    // Resolved now so a deleted connection fails the run; the queue keeps only its id and reads the secret at each attempt.
    const signing = await ctx.credential('secret');
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
        delivery: { url: url.href, body, headers: params.headers ?? {}, maxAttempts: params.attempts, ...(signing ? { signingConnection: signing.id } : {}) },
      }, item));
    }
    return { main };
  },
});
