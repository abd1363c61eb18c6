import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithServer } from '../../test/servers/use-server';
import type { SecretStore } from '../secrets';
import { tempService, type TempService } from './testing';

const memoryKeychain = (): SecretStore => {
  const m = new Map<string, string>();
  return { kind: 'keychain', get: async (k) => m.get(k), set: async (k, v) => { m.set(k, v); }, delete: async (k) => { m.delete(k); } };
};

describeWithServer('postgres', 'db.schema', (info) => {
  let service: TempService;
  const admin = new pg.Client({ host: String(info.host), port: Number(info.port), user: String(info.user), password: String(info.password), database: String(info.database) });
  beforeAll(async () => {
    await admin.connect();
    await admin.query('DROP TABLE IF EXISTS schema_probe; CREATE TABLE schema_probe (id bigint PRIMARY KEY, "Mixed Name" varchar(40) NOT NULL, note text)');
    const keychain = memoryKeychain();
    service = tempService(undefined, { keychain: () => keychain });
  });
  afterAll(async () => { await admin.end(); await service.dispose(); });

  it('lists the tables and columns of a connection\'s database, with types and keys', async () => {
    const conn = await service.handlers['connections.save']({ name: 'probe', type: 'database',
      fields: { engine: 'postgres', host: info.host, port: info.port, database: info.database, user: info.user }, secrets: { password: String(info.password) } });
    const out = await service.handlers['db.schema']({ nodeType: 'postgres.query', connectionId: conn.id });
    expect(out.tables.find((t) => t.name === 'schema_probe')).toEqual({ name: 'schema_probe', schema: 'public', columns: [
      { name: 'id', type: 'bigint', nullable: false, isKey: true },
      { name: 'Mixed Name', type: 'character varying(40)', nullable: false, isKey: false },
      { name: 'note', type: 'text', nullable: true, isKey: false },
    ] });
    await expect(service.handlers['db.schema']({ nodeType: 'core.set' })).rejects.toThrow('"core.set" is not a database node type');
    await expect(service.handlers['db.schema']({ nodeType: 'postgres.query' })).rejects.toThrow('pick a PostgreSQL connection');
  });
});
