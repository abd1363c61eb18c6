// Helpers for trigger tests: flows made of a trigger and a chain of nodes, saved into a service's workspace.
import type { FlowFile } from '../flow/types';
import type { Service } from '../service';

export interface ChainNode { type: string; params?: Record<string, unknown>; name?: string; credentials?: Record<string, { id: string; type: string; name: string }> }

/** The encrypted-file secret store (no keychain needed): services in trigger tests keep connections there. */
export const fileSecrets = { JUNCTION_SECRETS: 'file', JUNCTION_SECRETS_PASSPHRASE: 'trigger tests passphrase' };

/** Saves a Webhook secret connection; returns the reference a node holds. */
export async function webhookSecret(service: Service, name: string, secret: string) {
  const c = await service.handlers['connections.save']({ name, type: 'webhookSecret', fields: {}, secrets: { secret } });
  return { id: c.id, type: c.type, name: c.name };
}

/** A flow: the nodes in a line, n1 → n2 → …, saved through the API; returns the saved flow. */
export async function saveChain(service: Service, name: string, nodes: ChainNode[], settings: FlowFile['settings'] = {}): Promise<FlowFile> {
  const { flow } = await service.handlers['flows.create']({ name });
  const full: FlowFile = {
    ...flow, settings,
    nodes: nodes.map((n, i) => ({ id: `n${i + 1}`, type: n.type, version: 1, name: n.name ?? `${n.type} ${i + 1}`, position: { x: i * 200, y: 0 }, params: n.params ?? {}, ...(n.credentials ? { credentials: n.credentials } : {}) })),
    edges: nodes.slice(1).map((_, i) => ({ id: `e${i + 1}`, from: { node: `n${i + 1}`, port: 'main' }, to: { node: `n${i + 2}`, port: 'main' } })),
  };
  const { problems } = await service.handlers['flows.save']({ flow: full });
  if (problems.length) throw new Error(`test flow has problems: ${JSON.stringify(problems)}`);
  return full;
}
