import type Database from 'better-sqlite3';
import type { ConnectionRecord, ConnectionStatus, ConnectionStore, SettingsStore } from './types';

interface Row {
  id: string; name: string; type: string; fields: string; secret_names: string;
  status: ConnectionStatus; status_detail: string | null; expires_at: string | null; created_at: string; updated_at: string;
}

const toRecord = (r: Row): ConnectionRecord => ({
  id: r.id, name: r.name, type: r.type,
  fields: JSON.parse(r.fields) as Record<string, unknown>,
  secretNames: JSON.parse(r.secret_names) as string[],
  status: r.status,
  ...(r.status_detail ? { statusDetail: r.status_detail } : {}),
  ...(r.expires_at ? { expiresAt: r.expires_at } : {}),
  createdAt: r.created_at, updatedAt: r.updated_at,
});

/** Connection metadata (never a secret value: those are in engine/secrets, keyed by id). */
export function createConnections(db: Database.Database): ConnectionStore {
  const all = db.prepare<[], Row>('SELECT * FROM connections ORDER BY name COLLATE NOCASE, id');
  const one = db.prepare<[string], Row>('SELECT * FROM connections WHERE id = ?');
  const put = db.prepare(`INSERT INTO connections (id, name, type, fields, secret_names, status, status_detail, expires_at, created_at, updated_at)
    VALUES (@id, @name, @type, @fields, @secret_names, @status, @status_detail, @expires_at, @created_at, @updated_at)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, fields = excluded.fields,
      secret_names = excluded.secret_names, status = excluded.status, status_detail = excluded.status_detail,
      expires_at = excluded.expires_at, updated_at = excluded.updated_at`);
  const setStatus = db.prepare<[ConnectionStatus, string | null, string, string]>('UPDATE connections SET status = ?, status_detail = ?, updated_at = ? WHERE id = ?');
  const setExpiry = db.prepare<[string | null, string]>('UPDATE connections SET expires_at = ? WHERE id = ?');
  const drop = db.prepare<[string]>('DELETE FROM connections WHERE id = ?');
  return {
    list: () => all.all().map(toRecord),
    get: (id) => { const r = one.get(id); return r ? toRecord(r) : undefined; },
    save(rec) {
      put.run({
        id: rec.id, name: rec.name, type: rec.type, fields: JSON.stringify(rec.fields), secret_names: JSON.stringify(rec.secretNames),
        status: rec.status, status_detail: rec.statusDetail ?? null, expires_at: rec.expiresAt ?? null,
        created_at: rec.createdAt, updated_at: rec.updatedAt,
      });
    },
    setStatus: (id, status, detail, at) => { setStatus.run(status, detail ?? null, at, id); },
    setExpiry: (id, expiresAt) => { setExpiry.run(expiresAt ?? null, id); },
    delete: (id) => drop.run(id).changes > 0,
  };
}

export function createSettings(db: Database.Database): SettingsStore {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const drop = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');
  return {
    get: <T>(key: string) => { const r = get.get(key); return r ? (JSON.parse(r.value) as T) : undefined; },
    set: (key, value) => { if (value === undefined) drop.run(key); else put.run(key, JSON.stringify(value)); },
  };
}
