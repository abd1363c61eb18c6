/**
 * Where a Webhook trigger's secret comes from: the connection in its `auth` slot (a Webhook
 * secret, or Basic auth for user and password), checked at activation and read at each call,
 * so an edited connection counts at once and the secret lives only in the secret store.
 */
import type { CredentialResolver } from '../exec/run-context';
import type { CredentialRef } from '../flow/types';
import { JunctionError } from '../sdk/errors';
import type { WebhookTrigger } from './flow-triggers';
import { authConnectionType, type WebhookKey } from './webhook-auth';

/** Refuses activation when the auth needs a connection the node does not have (or of another kind). */
export function checkWebhookConnection(w: WebhookTrigger): void {
  const wanted = authConnectionType(w.auth);
  if (!wanted) return;
  const kind = wanted === 'basic' ? 'a Basic auth connection' : 'a Webhook secret connection';
  if (!w.credential) throw new JunctionError('flows.webhook-secret', `"${w.nodeName}" checks calls (${w.auth.type}) but has no connection: pick ${kind} in its inspector`, { path: 'id' });
  if (w.credential.type !== wanted) throw new JunctionError('flows.webhook-secret', `"${w.nodeName}" checks calls (${w.auth.type}) with "${w.credential.name}", a ${w.credential.type} connection: pick ${kind}`, { path: 'id' });
}

/** The secret (and user, for Basic auth) a call is checked against. */
export async function webhookKey(ref: CredentialRef | undefined, resolve: CredentialResolver | undefined): Promise<WebhookKey | undefined> {
  if (!ref) return undefined;
  if (!resolve) throw new JunctionError('connection.unavailable', `Connections are not available here; "${ref.name}" cannot be read.`);
  const c = await resolve(ref);
  const secret = await c.secret?.(c.type === 'basic' ? 'password' : 'secret');
  return secret ? { secret, ...(c.type === 'basic' ? { user: String(c.fields.user ?? '') } : {}) } : undefined;
}
