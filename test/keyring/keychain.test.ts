// The OS keychain for real: gnome-keyring over D-Bus, reached through @napi-rs/keyring. Runs
// inside test/keyring/run.sh (a private, unlocked keyring session); elsewhere it is skipped,
// because touching a person's own keychain from a test would prompt them or leave entries behind.
import { afterAll, describe, expect, it } from 'vitest';
import { Entry } from '@napi-rs/keyring';
import { keychainStore } from '../../engine/secrets';
import { tempService } from '../../engine/service/testing';

const inSession = process.env.JUNCTION_KEYRING_SESSION === '1';
if (!inSession) console.warn('Skipping the keychain tests: not in the private keyring session of test/keyring/run.sh.');

describe.skipIf(!inSession)('keychain (gnome-keyring)', () => {
  const svc = inSession ? tempService(undefined, { secretsEnv: {} }) : undefined;
  afterAll(async () => { await svc?.dispose(); });

  it('saves, reads, replaces and deletes an entry', async () => {
    const store = keychainStore();
    await store.set('c_roundtrip', '{"password":"hunter2-long"}');
    expect(await store.get('c_roundtrip')).toBe('{"password":"hunter2-long"}');
    // Really in the Secret Service: a second client sees it under the service "Junction".
    expect(new Entry('Junction', 'c_roundtrip').getPassword()).toBe('{"password":"hunter2-long"}');
    await store.set('c_roundtrip', '{"password":"replaced-value"}');
    expect(await store.get('c_roundtrip')).toBe('{"password":"replaced-value"}');
    await store.delete('c_roundtrip');
    expect(await store.get('c_roundtrip')).toBeUndefined();
  });

  it('a connection keeps its secret in the keychain, and deleting it removes the entry', async () => {
    const h = svc!.handlers;
    expect(await h['connections.store']({})).toEqual({ kind: 'keychain', available: true });
    const conn = await h['connections.save']({ name: 'DB', type: 'database', fields: { host: 'db.example.com', port: 5432, user: 'app' }, secrets: { password: 'pg-password-123' } });
    expect(JSON.parse(new Entry('Junction', conn.id).getPassword() ?? '{}')).toEqual({ password: 'pg-password-123' });
    await h['connections.delete']({ id: conn.id });
    expect(new Entry('Junction', conn.id).getPassword()).toBeNull();
  });
});
