import { defineNode, p } from '../../engine/sdk';

export default defineNode({
  type: 'trigger.respond', version: 1,
  title: 'Respond to Webhook', category: 'flow', icon: 'reply',
  description: 'Answers the webhook call that started this run (when its Webhook trigger waits for this node) with a status, headers and body; passes the answer on as its item.',
  inputs: ['main'], outputs: ['main'],
  params: p.object({
    status: p.number().int().min(100).max(599).default(200),
    headers: p.keyValue().describe('Response headers, e.g. content-type.'),
    body: p.json().describe('The response body: JSON, or text; an expression such as {{ $json }} sends the item.'),
  }),
  // The listener reads the answer from this node's output (its first item), so the run history shows what was sent.
  execute(ctx) {
    const first = ctx.items[0];
    const { status, headers, body } = first ? ctx.paramsFor(first, 0) : ctx.params;
    return { main: [ctx.newItem({ status, headers: headers ?? {}, body: body ?? null }, first)] };
  },
});
