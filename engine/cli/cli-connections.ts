/**
 * Connections for `junction run`: the same connection records (in the data dir's database) and
 * secret store (the OS keychain, or the encrypted file with JUNCTION_SECRETS=file) the app and
 * `junction serve` use, opened only when the flow refers to a connection.
 */
import { dirname } from 'node:path';
import { createConnectionManager } from '../connections';
import type { CredentialResolver } from '../exec/run-context';
import type { FlowFile } from '../flow/types';
import { createSecrets } from '../secrets';
import { openRunStore, type RunStore } from '../store';

export type CliConnections = { credentials?: CredentialResolver; close(): void } | { problem: string };

const usesConnections = (flows: (FlowFile | undefined)[]) =>
  flows.some((f) => f?.nodes.some((n) => n.credentials && Object.keys(n.credentials).length > 0));

/** A resolver over the data dir's connections, or why there is none (no keychain, a locked file). */
export function cliConnections(dataPath: string, flows: (FlowFile | undefined)[], store?: RunStore): CliConnections {
  if (!usesConnections(flows)) return { close() {} };
  const db = store ?? openRunStore(dataPath);
  const close = () => { if (!store) db.close(); };
  const secrets = createSecrets({ dataDir: dirname(dataPath), settings: db.settings });
  const status = secrets.status();
  if (!status.available) {
    close();
    const hint = status.kind === 'keychain'
      ? ' To keep secrets in an encrypted file instead, set JUNCTION_SECRETS=file and JUNCTION_SECRETS_PASSPHRASE.'
      : '';
    return { problem: `This flow uses connections, but their secrets cannot be read: ${status.message ?? 'no secret store is available.'}${hint}` };
  }
  const manager = createConnectionManager({ store: db.connections, secrets, now: () => Date.now(), changed: () => {} });
  return { credentials: manager.resolve, close };
}
