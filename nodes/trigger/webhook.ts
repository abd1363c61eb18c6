import { defineNode, p } from '../../engine/sdk';

export default defineNode({
  type: 'trigger.webhook', version: 1,
  title: 'Webhook', category: 'trigger', icon: 'webhook',
  description: 'Starts the flow when an HTTP request arrives at /hook/<path> on the local webhook listener, once the flow is active. The item holds method, path parameters, query, headers and body.',
  isTrigger: true,
  inputs: [], outputs: ['main'],
  // The secret a call is checked against lives in a connection; the flow file holds only its reference.
  credentials: [{ slot: 'auth', types: ['webhookSecret', 'basic'], optional: true, label: 'Secret (Webhook secret, or Basic auth for basic)' }],
  params: p.object({
    path: p.string().required().literal().placeholder('orders/:id').describe('The path after /hook/; a segment written :name becomes a path parameter.'),
    method: p.select(['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('POST').literal(),
    auth: p.variant('type', {
      none: {},
      headerToken: { header: p.string().default('authorization').literal().describe('The header holding the token of the connection (a "Bearer " prefix is allowed in Authorization).') },
      basic: {},
      signature: {
        style: p.select(['github', 'stripe', 'slack', 'standard']).default('github').literal().describe('Whose signing scheme the caller uses: GitHub, Stripe, Slack or Standard Webhooks.'),
        toleranceS: p.number().int().min(1).max(86_400).default(300).describe('How far the signed timestamp may be from now, in seconds (Stripe, Slack, Standard Webhooks).'),
      },
    }).default({ type: 'none' }).describe('How a caller proves who it is; a call that fails gets 401 and starts no run.'),
    respond: p.select(['immediately', 'respondNode']).default('immediately').literal()
      .describe('Answer at once with 200 and the run id, or wait for a Respond to Webhook node.'),
  }),
  check(params) {
    const path = params.path ?? '';
    if (!/^[A-Za-z0-9_\-.~:/]+$/.test(path) || path.startsWith('/') || path.includes('//')) {
      return [{ path: 'params.path', code: 'param.invalid', message: 'use letters, digits, - _ . ~ and :param segments separated by single slashes, without a leading slash' }];
    }
    return [];
  },
  // The listener hands the request in as the run's one input item.
  execute: (ctx) => ({ main: ctx.items }),
});
