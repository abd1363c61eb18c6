import type { FlowBuilder } from './builder';
import type { NrNode, Sourced } from './source';

/** Config node types whose settings name a server the person logs in to: listed as connections. */
const WITH_LOGIN = /broker|server|config|tls|db|database|listener|client|account|api|mail|mongo|redis|sql/i;

/** The config nodes a node refers to: any top-level text (or list of texts) that is a config node's id. */
export function configRefs(node: NrNode, config: Map<string, Sourced>): Sourced[] {
  const out: Sourced[] = [];
  for (const [key, v] of Object.entries(node)) {
    if (key === 'id' || key === 'z' || key === 'g' || key === 'type') continue;
    for (const ref of Array.isArray(v) ? v : [v]) {
      const c = typeof ref === 'string' ? config.get(ref) : undefined;
      if (c && !out.includes(c)) out.push(c);
    }
  }
  return out;
}

/**
 * Config nodes are not nodes: each one a flow uses is listed as folded, with a line naming its
 * users; one that holds a login becomes a connection the person maps (never with its values).
 */
export function foldConfig(b: FlowBuilder, c: Sourced, users: string[]): void {
  const n = c.node;
  const label = `${n.type} config node${n.name ? ` "${n.name}"` : ''}`;
  b.imported.push({ sourceName: `${n.id}${n.name ? ` (${n.name})` : ''}`, sourceType: n.type, path: c.path, outcome: 'folded' });
  const login = n.credentials !== undefined || WITH_LOGIN.test(n.type);
  if (login) {
    b.connection({ id: `node-red-${n.id}`, type: `node-red:${n.type}`, name: String(n.name || n.broker || n.host || n.server || n.type) });
    b.note('warning', 'credential', c.path, `${label} is used by ${users.join(', ')}; it became a connection to map, and none of its credentials were imported`);
  } else {
    b.note('info', 'node', c.path, `${label} is used by ${users.join(', ')}; its settings were not carried over`);
  }
}

/** Keys that hold secrets in Node-RED nodes written by hand or older exports (a TLS key, a password, a token); never copied. */
export const SECRET_KEY = /^(credentials|key|keydata|pfx|pass)$|password|passwd|secret|token|api_?key|private_?key|passphrase/i;

/** Properties through which Node-RED's own and common contrib nodes name their config node. */
const CONFIG_KEYS = ['broker', 'server', 'tls', 'proxy', 'mydb', 'postgreSQLConfig', 'group', 'client', 'serverConfig', 'connection', 'ui'];

/** The config references of a node that name no node of the file: [property, id]. */
export function missingConfigRefs(node: NrNode, config: Map<string, Sourced>, all: Set<string>): [string, string][] {
  const out: [string, string][] = [];
  for (const key of CONFIG_KEYS) {
    const v = node[key];
    if (typeof v === 'string' && /^[\w.-]{6,}$/.test(v) && !config.has(v) && !all.has(v)) out.push([key, v]);
  }
  return out;
}
