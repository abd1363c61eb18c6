// Without a keychain (no D-Bus session): a clear sentence, and nothing stored in plain text.
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempService } from '../../engine/service/testing';

const noBus = !process.env.DBUS_SESSION_BUS_ADDRESS && process.platform === 'linux';

describe.skipIf(!noBus)('no keychain on the machine', () => {
  const svc = tempService(undefined, { secretsEnv: {} });
  afterAll(() => svc.dispose());

  it('says so and refuses to save, until the encrypted file is chosen', async () => {
    const h = svc.handlers;
    const status = await h['connections.store']({});
    expect(status).toMatchObject({ kind: 'keychain', available: false });
    expect(status.message).toMatch(/No system keychain is reachable.*not stored in plain text.*encrypted file/);
    await expect(h['connections.save']({ name: 'K', type: 'bearer', fields: {}, secrets: { token: 'tok-123456' } })).rejects.toThrow(/No system keychain/);
    expect(await h['connections.list']({})).toEqual([]);
    expect(readdirSync(svc.dataDir).some((f) => f.startsWith('secrets'))).toBe(false);

    expect(await h['connections.useStore']({ kind: 'file', passphrase: 'a long passphrase' })).toEqual({ kind: 'file', available: true });
    const conn = await h['connections.save']({ name: 'K', type: 'bearer', fields: {}, secrets: { token: 'tok-123456' } });
    expect(conn.secretsSet).toEqual(['token']);
    expect(existsSync(`${svc.dataDir}/secrets.enc.json`)).toBe(true);
  });
});
