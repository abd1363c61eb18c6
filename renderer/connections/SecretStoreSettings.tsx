/** Settings: where secrets are kept. The encrypted file is an explicit choice, with a passphrase. */
import { useEffect, useState } from 'react';
import type { SecretStoreStatus } from '../../engine/api';
import { useApi } from '../app/api-context';
import { errorText } from '../state/toast-store';
import './connections.css';

export function SecretStoreSettings() {
  const api = useApi();
  const [status, setStatus] = useState<SecretStoreStatus>();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string>();
  useEffect(() => { api.call('connections.store', {}).then(setStatus, (e: unknown) => setError(errorText(e))); }, [api]);
  const use = async (kind: 'keychain' | 'file') => {
    setError(undefined);
    try { setStatus(await api.call('connections.useStore', kind === 'file' ? { kind, passphrase } : { kind })); setPassphrase(''); }
    catch (e) { setError(errorText(e)); }
  };
  return (
    <section className="settings-section" data-testid="secret-store-settings">
      <h2>Secrets</h2>
      {status && <p>{status.kind === 'keychain' ? 'Kept in the system keychain.' : 'Kept in an encrypted file (scrypt and AES-256-GCM) in the data folder.'}
        {status.available ? ' Working.' : ''}</p>}
      {status && !status.available && <p className="conn-error" role="alert">{status.message}</p>}
      <div className="conn-actions" style={{ justifyContent: 'flex-start' }}>
        <input className="input" type="password" autoComplete="new-password" placeholder="Passphrase for the encrypted file" value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)} aria-label="Passphrase" data-testid="secret-passphrase" />
        <button type="button" className="btn" disabled={!passphrase} onClick={() => void use('file')} data-testid="secret-use-file">
          {status?.kind === 'file' ? 'Unlock' : 'Use the encrypted file'}
        </button>
        {status?.kind === 'file' && <button type="button" className="btn" onClick={() => void use('keychain')}>Use the system keychain</button>}
      </div>
      {error && <p className="conn-error" role="alert">{error}</p>}
    </section>
  );
}
