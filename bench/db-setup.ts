// Saves a database connection into a Junction data folder, as the Connections screen would, so
// `junction run --data-dir` can resolve it (secrets in the encrypted file: this box has no keychain).
import { join } from 'node:path';
import { createConnectionManager } from '../engine/connections';
import { createSecrets } from '../engine/secrets';
import { openRunStore } from '../engine/store';

export async function saveConnection(dataDir: string, input: { name: string; fields: Record<string, unknown>; password: string }) {
  const store = openRunStore(join(dataDir, 'junction.db'));
  try {
    const manager = createConnectionManager({ store: store.connections, secrets: createSecrets({ dataDir, settings: store.settings }), now: Date.now, changed: () => {} });
    const rec = await manager.save({ name: input.name, type: 'database', fields: input.fields, secrets: { password: input.password } });
    return { id: rec.id, type: 'database', name: rec.name };
  } finally {
    store.close();
  }
}
