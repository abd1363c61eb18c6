import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { stableJson } from '../sdk/json-values';
import { GENESIS_HASH } from './audit';
import { openRunStore } from './index';

const root = mkdtempSync(join(tmpdir(), 'junction-store-audit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

function seeded() {
  const path = join(root, `audit-${++n}.db`);
  const store = openRunStore(path);
  for (let i = 1; i <= 5; i++) {
    store.audit.append({ actor: 'ana@example.com', action: 'connection.updated', target: `conn-${i}`, detail: { fields: ['token'], i } });
  }
  store.close();
  return path;
}

describe('audit log', () => {
  it('chains each row to the one before and verifies', () => {
    const store = openRunStore(seeded());
    const rows = store.audit.list();
    expect(rows.map((r) => r.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(rows[4].prevHash).toBe(GENESIS_HASH);
    for (let i = 0; i < 4; i++) expect(rows[i].prevHash).toBe(rows[i + 1].hash);
    expect(rows[0]).toMatchObject({ actor: 'ana@example.com', action: 'connection.updated', target: 'conn-5', detail: { fields: ['token'], i: 5 } });
    expect(store.audit.list(2)).toHaveLength(2);
    expect(store.audit.verify()).toEqual({ ok: true });
    store.close();
  });

  it('refuses plain updates and deletes', () => {
    const path = seeded();
    const raw = new Database(path);
    expect(() => raw.prepare("UPDATE audit SET actor = 'mallory' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM audit WHERE seq = 2').run()).toThrow(/append-only/);
    raw.close();
  });

  it('reports the seq of a tampered row', () => {
    const path = seeded();
    const raw = new Database(path);
    raw.exec('DROP TRIGGER audit_no_update');
    raw.prepare(`UPDATE audit SET detail = '{"fields":["password"],"i":3}' WHERE seq = 3`).run();
    raw.close();
    const store = openRunStore(path);
    expect(store.audit.verify()).toEqual({ ok: false, brokenAt: 3 });
    store.close();
  });

  it('reports a row whose hash was recomputed but whose successor still links to the old one', () => {
    const path = seeded();
    const raw = new Database(path);
    raw.exec('DROP TRIGGER audit_no_update');
    raw.prepare("UPDATE audit SET hash = 'f00d' WHERE seq = 2").run();
    raw.close();
    const store = openRunStore(path);
    expect(store.audit.verify()).toEqual({ ok: false, brokenAt: 2 });
    store.close();
  });

  it('reports the row after a deleted one', () => {
    const path = seeded();
    const raw = new Database(path);
    raw.exec('DROP TRIGGER audit_no_delete');
    raw.prepare('DELETE FROM audit WHERE seq = 4').run();
    raw.close();
    const store = openRunStore(path);
    expect(store.audit.verify()).toEqual({ ok: false, brokenAt: 5 });
    store.close();
  });

  it('hashes canonical JSON: key order does not matter', () => {
    expect(stableJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});
