/**
 * db.schema: the tables and columns a database node type sees, for the inspector's column
 * pickers. The node type knows its driver (`describeSchema`); the service resolves the connection
 * (secrets stay in this process) and hands it over, as it does for a run.
 */
import type { Handlers } from '../api';
import type { ConnectionManager } from '../connections';
import type { NodeRegistry } from '../registry';
import { JunctionError } from '../sdk/errors';

export function dbSchemaHandlers(d: { types: NodeRegistry; connections: ConnectionManager }): Pick<Handlers, 'db.schema'> {
  return {
    async 'db.schema'({ nodeType, connectionId, path, schema }) {
      const type = d.types.latest(nodeType);
      if (!type?.describeSchema) throw new JunctionError('db.schema.unsupported', `"${nodeType}" is not a database node type`, { path: 'nodeType' });
      const rec = connectionId ? d.connections.get(connectionId) : undefined;
      return type.describeSchema({
        params: { path, schema },
        credential: async () => (rec ? d.connections.resolve({ id: rec.id, type: rec.type, name: rec.name }) : undefined),
      });
    },
  };
}
