import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecrets, encryptedFileStore, SECRETS_FILE } from './index';

const dirs: string[] = [];
const tempDir = () => { const d = mkdtempSync(join(tmpdir(), 'junction-secrets-')); dirs.push(d); return d; };
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });
const memorySettings = () => { const m = new Map<string, unknown>(); return { get: <T>(k: string) => m.get(k) as T | undefined, set: (k: string, v: unknown) => { if (v === undefined) m.delete(k); else m.set(k, v); } }; };

describe('the encrypted secrets file', () => {
  it('round-trips, holds no plain text, and a wrong passphrase is refused', async () => {
    const path = join(tempDir(), SECRETS_FILE);
    const store = encryptedFileStore(path, 'first passphrase');
    await store.set('c_1', '{"token":"plain-token-value"}');
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('plain-token-value');
    expect(JSON.parse(text)).toMatchObject({ format: 'junction/secrets@1', kdf: { name: 'scrypt', N: 32768, r: 8, p: 1 } });
    expect(await encryptedFileStore(path, 'first passphrase').get('c_1')).toBe('{"token":"plain-token-value"}');
    expect(() => encryptedFileStore(path, 'wrong passphrase')).toThrow(/passphrase does not open the secrets file/);
    await store.delete('c_1');
    expect(await encryptedFileStore(path, 'first passphrase').get('c_1')).toBeUndefined();
  });

  it('JUNCTION_SECRETS=file without a passphrase is locked, with a sentence; the passphrase unlocks it', () => {
    const secrets = createSecrets({ dataDir: tempDir(), env: { JUNCTION_SECRETS: 'file' }, settings: memorySettings() });
    expect(secrets.status()).toMatchObject({ kind: 'file', available: false, locked: true, message: expect.stringMatching(/locked: enter its passphrase/) });
    expect(() => secrets.store()).toThrow(/locked/);
    expect(secrets.unlock('some passphrase')).toEqual({ kind: 'file', available: true });
    expect(() => secrets.useKeychain()).toThrow(/JUNCTION_SECRETS=file is set/);
  });

  it('the choice made in Settings is kept, and an empty passphrase is refused', () => {
    const dataDir = tempDir();
    const settings = memorySettings();
    const secrets = createSecrets({ dataDir, env: {}, settings });
    expect(() => secrets.useFile('')).toThrow(/needs a passphrase/);
    secrets.useFile('chosen passphrase');
    expect(settings.get('secrets.store')).toBe('file');
    expect(createSecrets({ dataDir, env: {}, settings }).status()).toMatchObject({ kind: 'file', locked: true });
  });
});
