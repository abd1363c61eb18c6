import type { ConnectionDto, Handlers, Problem } from '../api';
import { CONNECTION_TYPES, connectionUses, remapConnections, startSignIn, testConnection, type ConnectionManager, type ConnectionUse } from '../connections';
import type { FlowFile } from '../flow';
import type { Secrets } from '../secrets';
import { JunctionError } from '../sdk/errors';
import type { ConnectionRecord } from '../store';

export interface ConnectionDeps {
  manager: ConnectionManager;
  secrets: Secrets;
  /** The workspace's flows that parse, for "used by" and missing-connection problems. */
  flows(): FlowFile[];
  getFlow(id: string): Promise<FlowFile>;
  saveFlow(flow: FlowFile): Promise<{ problems: Problem[] }>;
  now(): number;
  /** Opens a URL in the system browser, where the host can (desktop app, `junction serve`). */
  openUrl?: (url: string) => void;
}

type ConnectionHandlers = Pick<Handlers, 'connections.types' | 'connections.list' | 'connections.get' | 'connections.save' | 'connections.delete'
  | 'connections.test' | 'connections.signIn' | 'connections.map' | 'connections.store' | 'connections.useStore'>;

const toDto = (r: ConnectionRecord, usedBy: ConnectionUse[]): ConnectionDto => ({
  id: r.id, name: r.name, type: r.type, fields: r.fields, secretsSet: r.secretNames, status: r.status,
  ...(r.statusDetail ? { statusDetail: r.statusDetail } : {}), ...(r.expiresAt ? { expiresAt: r.expiresAt } : {}),
  createdAt: r.createdAt, updatedAt: r.updatedAt, usedBy,
});

/** The connections.* methods. */
export function connectionHandlers(d: ConnectionDeps): ConnectionHandlers {
  const uses = () => connectionUses(d.flows());
  const dto = (r: ConnectionRecord) => toDto(r, uses().get(r.id) ?? []);
  return {
    'connections.types': async () => CONNECTION_TYPES,
    async 'connections.list'() {
      const all = uses();
      return d.manager.list().map((r) => toDto(r, all.get(r.id) ?? []));
    },
    'connections.get': async ({ id }) => dto(d.manager.get(id)),
    'connections.save': async (input) => dto(await d.manager.save(input)),
    async 'connections.delete'({ id }) {
      const usedBy = uses().get(id) ?? [];
      await d.manager.remove(id);
      return { deleted: true, usedBy };
    },
    'connections.test': async ({ id }) => testConnection(d.manager, d.manager.get(id)),
    async 'connections.signIn'({ id }) {
      const signIn = await startSignIn(d.manager, d.manager.get(id), d.now);
      d.openUrl?.(signIn.url);
      return { url: signIn.url };
    },
    async 'connections.map'({ flowId, mapping }) {
      const flow = await d.getFlow(flowId);
      const targets: Record<string, { id: string; type: string; name: string }> = {};
      for (const [from, to] of Object.entries(mapping)) {
        if (typeof to !== 'string') throw new JunctionError('api.bad-input', `mapping.${from}: must be a connection id`, { path: `mapping.${from}` });
        const rec = d.manager.list().find((r) => r.id === to);
        if (!rec) throw new JunctionError('connection.missing', `mapping.${from}: there is no connection ${to}.`, { path: `mapping.${from}` });
        targets[from] = { id: rec.id, type: rec.type, name: rec.name };
      }
      const mapped = remapConnections(flow, targets);
      const { problems } = await d.saveFlow(mapped);
      return { flow: mapped, problems };
    },
    'connections.store': async () => d.secrets.status(),
    async 'connections.useStore'({ kind, passphrase }) {
      if (kind === 'keychain') return d.secrets.useKeychain();
      if (!passphrase) throw new JunctionError('api.bad-input', 'passphrase: the encrypted file needs a passphrase', { path: 'passphrase' });
      return d.secrets.status().kind === 'file' ? d.secrets.unlock(passphrase) : d.secrets.useFile(passphrase);
    },
  };
}

/** A problem per node slot that refers to a connection this machine does not have. */
export function missingConnectionProblems(flow: FlowFile, exists: (id: string) => boolean): Problem[] {
  const problems: Problem[] = [];
  flow.nodes.forEach((node, i) => {
    for (const [slot, ref] of Object.entries(node.credentials ?? {})) {
      if (!ref?.id || exists(ref.id)) continue;
      problems.push({
        path: `$.nodes[${i}].credentials.${slot}`, code: 'flow.connection-missing', nodeId: node.id, nodePath: `credentials.${slot}`,
        message: `Node "${node.name}" lost its connection "${ref.name}" (${ref.type}): it no longer exists here. Pick another connection in the inspector.`,
      });
    }
  });
  return problems;
}
