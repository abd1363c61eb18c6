/**
 * A database connection as a node receives it, made from a test server's details. Lives beside
 * the shared SQL code so the PostgreSQL and MySQL tests build it the same way.
 */
import type { ResolvedCredential } from '../../engine/sdk';

export function databaseCredential(engine: 'postgres' | 'mysql', info: Record<string, string | number>, password = String(info.password)): ResolvedCredential {
  return {
    id: `c_${engine}`, type: 'database', name: `${engine} test`,
    fields: { engine, host: info.host, port: info.port, database: info.database, user: info.user, tls: false },
    apply: async () => {},
    secrets: () => [password],
    secret: async (name) => (name === 'password' ? password : undefined),
  };
}
