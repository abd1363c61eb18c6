/**
 * Secret values (passwords, tokens, keys) in one place. The OS keychain by default; the
 * encrypted file only when the person chose it (Settings, or JUNCTION_SECRETS=file). When
 * neither works, every use fails with a sentence that says so: never a plain-text fallback.
 */
import { join } from 'node:path';
import { JunctionError } from '../sdk/errors';
import { encryptedFileStore } from './encrypted-file';
import { keychainProblem, keychainStore } from './keychain';
import type { SecretStore, SecretStoreStatus } from './types';

export type { SecretStore, SecretStoreStatus } from './types';
export { encryptedFileStore } from './encrypted-file';
export { keychainStore } from './keychain';

export const SECRETS_FILE = 'secrets.enc.json';
const SETTING = 'secrets.store';

export interface SecretsOptions {
  dataDir: string;
  /** JUNCTION_SECRETS and JUNCTION_SECRETS_PASSPHRASE of this process when absent. */
  env?: Record<string, string | undefined>;
  settings: { get<T>(key: string): T | undefined; set(key: string, value: unknown): void };
  /** For tests: a store to use instead of the keychain. */
  keychain?: () => SecretStore;
}

export interface Secrets {
  status(): SecretStoreStatus;
  /** The store in use; throws JunctionError 'secrets.unavailable' saying why when there is none. */
  store(): SecretStore;
  /** Chooses the encrypted file (kept in the store's settings) and opens it with the passphrase. */
  useFile(passphrase: string): SecretStatusAfter;
  /** Opens the chosen encrypted file with its passphrase. */
  unlock(passphrase: string): SecretStatusAfter;
  useKeychain(): SecretStatusAfter;
}
type SecretStatusAfter = SecretStoreStatus;

export function createSecrets(opts: SecretsOptions): Secrets {
  const env = opts.env ?? process.env;
  const path = join(opts.dataDir, SECRETS_FILE);
  const fromEnv = env.JUNCTION_SECRETS === 'file' || env.JUNCTION_SECRETS === 'keychain' ? env.JUNCTION_SECRETS : undefined;
  const kind = (): 'keychain' | 'file' => fromEnv ?? (opts.settings.get<string>(SETTING) === 'file' ? 'file' : 'keychain');
  let file: SecretStore | undefined;
  let keychain: SecretStore | undefined;
  let keychainWhy: string | undefined;
  let probed = false;

  const openFile = (passphrase: string) => { file = encryptedFileStore(path, passphrase); };
  if (kind() === 'file' && env.JUNCTION_SECRETS_PASSPHRASE) openFile(env.JUNCTION_SECRETS_PASSPHRASE);

  const probeKeychain = () => {
    if (probed) return;
    probed = true;
    if (opts.keychain) { keychain = opts.keychain(); return; }
    keychainWhy = keychainProblem();
    if (!keychainWhy) keychain = keychainStore();
  };

  const status = (): SecretStoreStatus => {
    if (kind() === 'file') {
      return file ? { kind: 'file', available: true }
        : { kind: 'file', available: false, locked: true, message: 'The encrypted secrets file is locked: enter its passphrase in Settings (or set JUNCTION_SECRETS_PASSPHRASE).' };
    }
    probeKeychain();
    return keychain ? { kind: 'keychain', available: true } : { kind: 'keychain', available: false, message: keychainWhy };
  };

  return {
    status,
    store() {
      const s = status();
      const store = s.kind === 'file' ? file : keychain;
      if (!store) throw new JunctionError('secrets.unavailable', s.message ?? 'No secret store is available.');
      return store;
    },
    useFile(passphrase) {
      openFile(passphrase);
      opts.settings.set(SETTING, 'file');
      return status();
    },
    unlock(passphrase) {
      if (kind() !== 'file') throw new JunctionError('secrets.not-file', 'Secrets are kept in the system keychain; there is no file to unlock.');
      openFile(passphrase);
      return status();
    },
    useKeychain() {
      if (fromEnv === 'file') throw new JunctionError('secrets.env', 'JUNCTION_SECRETS=file is set for this process; unset it to use the keychain.');
      opts.settings.set(SETTING, undefined);
      file = undefined;
      return status();
    },
  };
}
