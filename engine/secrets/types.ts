/** Where secret values live. Keys are connection ids; a value is one connection's secrets as JSON text. */
export interface SecretStore {
  readonly kind: 'keychain' | 'file';
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Which store is in use, and why nothing can be stored when none is. */
export interface SecretStoreStatus {
  kind: 'keychain' | 'file';
  available: boolean;
  /** Present when unavailable: what is wrong and what the person can do. */
  message?: string;
  /** The encrypted file waits for its passphrase. */
  locked?: boolean;
}
