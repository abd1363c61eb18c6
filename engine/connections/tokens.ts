/**
 * Access tokens of the OAuth2 and JWT kinds: the stored one while it is fresh, else a new one
 * (refresh, client credentials, a new assertion), saved back to the secret store (a rotated
 * refresh token replaces the old). One renewal at a time per connection: two nodes asking at
 * once share it, so a rotating server never sees the old refresh token twice.
 */
import type { ConnectionRecord, ConnectionStore } from '../store/types';
import { JunctionError } from '../sdk/errors';
import type { SecretValues } from './apply';
import { jwtBearerTokens, type JwtFields } from './jwt';
import { clientCredentials, refreshTokens, type OAuthFields, type Tokens } from './oauth';

/** Renew this long before the server's expiry, so a request never leaves with a token about to die. */
export const RENEW_AHEAD_MS = 60_000;

export interface TokenDeps {
  store: ConnectionStore;
  now: () => number;
  readSecrets(id: string): Promise<SecretValues>;
  writeSecrets(id: string, secrets: SecretValues): Promise<void>;
  changed(): void;
}

export const usesTokens = (type: string) => type === 'oauth2' || type === 'jwtBearer';

export function createTokens(d: TokenDeps) {
  const inFlight = new Map<string, Promise<string>>();

  async function renew(rec: ConnectionRecord, secrets: SecretValues): Promise<Tokens> {
    const now = d.now();
    const f = { ...rec.fields, clientSecret: secrets.clientSecret } as unknown as OAuthFields & { grant?: string };
    if (rec.type === 'jwtBearer') return jwtBearerTokens(rec.fields as unknown as JwtFields, secrets.key ?? '', now);
    if (f.grant === 'clientCredentials') return clientCredentials(f, now);
    if (!secrets.refreshToken) {
      throw new JunctionError('connection.reconnect', secrets.accessToken
        ? `The access token of connection "${rec.name}" expired and there is no refresh token: sign in again.`
        : `Connection "${rec.name}" is not signed in yet: open Connections and choose "Sign in".`);
    }
    return refreshTokens(f, secrets.refreshToken, now);
  }

  async function fetchToken(rec: ConnectionRecord, force: boolean): Promise<string> {
    const secrets = await d.readSecrets(rec.id);
    const expiresAt = Number(secrets.expiresAt ?? NaN);
    const fresh = secrets.accessToken && (Number.isNaN(expiresAt) || expiresAt - RENEW_AHEAD_MS > d.now());
    if (fresh && !force) return secrets.accessToken;
    let tokens: Tokens;
    try {
      tokens = await renew(rec, secrets);
    } catch (e) {
      // A refused grant does not heal by retrying: mark it once, and every later use fails fast.
      // (Only a signed-in grant: a refused assertion or client secret is fixed by editing the connection.)
      if (e instanceof JunctionError && e.code === 'connection.reconnect' && rec.type === 'oauth2' && rec.fields.grant === 'authorizationCode') {
        d.store.setStatus(rec.id, 'reconnect', e.message, new Date(d.now()).toISOString());
        d.changed();
      }
      throw e;
    }
    const next: SecretValues = { ...secrets, accessToken: tokens.accessToken };
    if (tokens.refreshToken) next.refreshToken = tokens.refreshToken;
    if (tokens.expiresAt) next.expiresAt = String(tokens.expiresAt); else delete next.expiresAt;
    await d.writeSecrets(rec.id, next);
    d.store.setExpiry(rec.id, tokens.expiresAt ? new Date(tokens.expiresAt).toISOString() : undefined);
    if (rec.status !== 'ok') { d.store.setStatus(rec.id, 'ok', undefined, new Date(d.now()).toISOString()); d.changed(); }
    return tokens.accessToken;
  }

  return {
    /** A usable access token; `force` renews even a fresh one (after a 401). */
    accessToken(rec: ConnectionRecord, force = false): Promise<string> {
      const running = inFlight.get(rec.id);
      if (running) return running;
      const p = fetchToken(rec, force).finally(() => inFlight.delete(rec.id));
      inFlight.set(rec.id, p);
      return p;
    },
    /** Keeps tokens just obtained (the authorization code exchange). */
    async store(rec: ConnectionRecord, tokens: Tokens): Promise<void> {
      const secrets = await d.readSecrets(rec.id);
      const next: SecretValues = { ...secrets, accessToken: tokens.accessToken };
      if (tokens.refreshToken) next.refreshToken = tokens.refreshToken; else delete next.refreshToken;
      if (tokens.expiresAt) next.expiresAt = String(tokens.expiresAt); else delete next.expiresAt;
      await d.writeSecrets(rec.id, next);
      d.store.setExpiry(rec.id, tokens.expiresAt ? new Date(tokens.expiresAt).toISOString() : undefined);
      d.store.setStatus(rec.id, 'ok', undefined, new Date(d.now()).toISOString());
      d.changed();
    },
  };
}

export type TokenSource = ReturnType<typeof createTokens>;
