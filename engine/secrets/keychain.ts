import { Entry } from '@napi-rs/keyring';
import { JunctionError } from '../sdk/errors';
import type { SecretStore } from './types';

const SERVICE = 'Junction';

export const NO_KEYCHAIN = 'No system keychain is reachable (on Linux: the Secret Service of gnome-keyring or KWallet over D-Bus). '
  + 'Secrets are not stored in plain text: start a keychain, or choose the encrypted file in Settings '
  + '(or set JUNCTION_SECRETS=file with JUNCTION_SECRETS_PASSPHRASE).';

/**
 * Probes the keychain once with a write: on Linux a read of a missing entry answers null even
 * with no Secret Service reachable (the kernel keyring replies first), only a write tells.
 */
export function keychainProblem(): string | undefined {
  try {
    const probe = new Entry(SERVICE, 'junction-probe');
    probe.setPassword('probe');
    probe.deletePassword();
    return undefined;
  } catch (e) {
    return `${NO_KEYCHAIN} (${(e as Error).message})`;
  }
}

/** The OS keychain through @napi-rs/keyring: one entry per connection under the service "Junction". */
export function keychainStore(): SecretStore {
  const call = <T>(what: string, fn: () => T): T => {
    try { return fn(); } catch (e) { throw new JunctionError('secrets.keychain', `${NO_KEYCHAIN} ${what} failed: ${(e as Error).message}`); }
  };
  return {
    kind: 'keychain',
    get: async (key) => call('Reading', () => new Entry(SERVICE, key).getPassword() ?? undefined),
    set: async (key, value) => call('Saving', () => new Entry(SERVICE, key).setPassword(value)),
    delete: async (key) => { call('Deleting', () => new Entry(SERVICE, key).deletePassword()); },
  };
}
