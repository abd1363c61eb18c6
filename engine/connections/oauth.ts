/**
 * OAuth2 token requests through oauth4webapi: client credentials, refresh (rotation kept),
 * the authorization code exchange (state and PKCE checked), and the generic grant the JWT
 * bearer kind uses. Plain http is allowed for loopback servers only.
 */
import * as oauth from 'oauth4webapi';
import { JunctionError } from '../sdk/errors';

export interface Tokens { accessToken: string; refreshToken?: string; expiresAt?: number }

export interface OAuthFields {
  tokenUrl: string;
  authorizationUrl?: string;
  clientId: string;
  clientSecret?: string;
  clientAuth?: 'basic' | 'post';
  scope?: string;
  audience?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function parseUrl(text: string | undefined, what: string): URL {
  try { return new URL(String(text ?? '')); } catch { throw new JunctionError('connection.bad-url', `${what} "${String(text ?? '')}" is not a URL.`); }
}

function server(f: OAuthFields) {
  const tokenUrl = parseUrl(f.tokenUrl, 'The token URL');
  const insecure = tokenUrl.protocol === 'http:';
  if (insecure && !LOOPBACK.has(tokenUrl.hostname)) throw new JunctionError('connection.insecure', `The token URL ${tokenUrl.origin} uses plain http; only https (or http on 127.0.0.1) may carry secrets.`);
  const as: oauth.AuthorizationServer = {
    issuer: tokenUrl.origin, token_endpoint: tokenUrl.href,
    ...(f.authorizationUrl ? { authorization_endpoint: parseUrl(f.authorizationUrl, 'The authorization URL').href } : {}),
  };
  const client: oauth.Client = { client_id: f.clientId };
  const auth = !f.clientSecret ? oauth.None() : f.clientAuth === 'post' ? oauth.ClientSecretPost(f.clientSecret) : oauth.ClientSecretBasic(f.clientSecret);
  const options = insecure ? { [oauth.allowInsecureRequests]: true } : {};
  return { as, client, auth, options, tokenUrl };
}

const toTokens = (r: oauth.TokenEndpointResponse, now: number): Tokens => ({
  accessToken: r.access_token,
  ...(r.refresh_token ? { refreshToken: r.refresh_token } : {}),
  ...(typeof r.expires_in === 'number' ? { expiresAt: now + r.expires_in * 1000 } : {}),
});

/** Runs one token request and turns every failure into a sentence naming the server and its answer. */
async function ask(tokenUrl: URL, fn: () => Promise<oauth.TokenEndpointResponse>, now: number): Promise<Tokens> {
  try {
    return toTokens(await fn(), now);
  } catch (e) {
    throw oauthError(e, tokenUrl);
  }
}

export function oauthError(e: unknown, url: URL): JunctionError {
  if (e instanceof JunctionError) return e;
  if (e instanceof oauth.ResponseBodyError) {
    const refused = e.error === 'invalid_grant';
    const detail = e.error_description ? `${e.error}: ${e.error_description}` : e.error;
    return new JunctionError(refused ? 'connection.reconnect' : 'connection.oauth', `${e.status} from ${url.host}: ${detail}${refused ? ' (sign in again to reconnect)' : ''}`);
  }
  if (e instanceof oauth.WWWAuthenticateChallengeError) {
    const params = e.cause[0]?.parameters ?? {};
    const detail = [params.error, params.error_description].filter(Boolean).join(': ') || 'the server refused the client';
    const refused = params.error === 'invalid_grant';
    return new JunctionError(refused ? 'connection.reconnect' : 'connection.oauth', `${e.status} from ${url.host}: ${detail}`);
  }
  const cause = (e as { cause?: { code?: string } })?.cause?.code;
  if (cause === 'ECONNREFUSED' || cause === 'ENOTFOUND') return new JunctionError('connection.unreachable', `Could not reach ${url.host} (${cause}).`, { retryable: true });
  return new JunctionError('connection.oauth', `The token request to ${url.host} failed: ${(e as Error)?.message ?? String(e)}`);
}

const extra = (f: OAuthFields): Record<string, string> => ({ ...(f.scope ? { scope: f.scope } : {}), ...(f.audience ? { audience: f.audience } : {}) });

export function clientCredentials(f: OAuthFields, now: number): Promise<Tokens> {
  const s = server(f);
  return ask(s.tokenUrl, async () => oauth.processClientCredentialsResponse(s.as, s.client,
    await oauth.clientCredentialsGrantRequest(s.as, s.client, s.auth, extra(f), s.options)), now);
}

/** A new access token from the refresh token; a rotated refresh token comes back in the result. */
export function refreshTokens(f: OAuthFields, refreshToken: string, now: number): Promise<Tokens> {
  const s = server(f);
  return ask(s.tokenUrl, async () => oauth.processRefreshTokenResponse(s.as, s.client,
    await oauth.refreshTokenGrantRequest(s.as, s.client, s.auth, refreshToken, s.options)), now);
}

/** A grant by type and parameters (the JWT bearer assertion). */
export function genericGrant(f: OAuthFields, grantType: string, params: Record<string, string>, now: number): Promise<Tokens> {
  const s = server(f);
  return ask(s.tokenUrl, async () => oauth.processGenericTokenEndpointResponse(s.as, s.client,
    await oauth.genericTokenEndpointRequest(s.as, s.client, s.auth, grantType, params, s.options)), now);
}

export interface PendingAuthorization { url: URL; state: string; verifier: string; redirectUri: string }

/** The URL to open in the browser, with a fresh state and PKCE verifier (S256). */
export async function authorizationRequest(f: OAuthFields, redirectUri: string): Promise<PendingAuthorization> {
  const s = server(f);
  if (!s.as.authorization_endpoint) throw new JunctionError('connection.field', 'The authorization URL is missing.');
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(s.as.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', f.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  for (const [k, v] of Object.entries(extra(f))) url.searchParams.set(k, v);
  return { url, state, verifier, redirectUri };
}

/** Checks the callback (state, error) and exchanges its code with the PKCE verifier. */
export function exchangeCode(f: OAuthFields, pending: PendingAuthorization, callback: URL, now: number): Promise<Tokens> {
  const s = server(f);
  return ask(s.tokenUrl, async () => {
    let params: URLSearchParams;
    try {
      params = oauth.validateAuthResponse(s.as, s.client, callback, pending.state);
    } catch (e) {
      const why = e instanceof oauth.AuthorizationResponseError ? `${e.error}${e.error_description ? `: ${e.error_description}` : ''}` : (e as Error).message;
      throw new JunctionError('connection.authorize', `The sign-in was refused or did not match this request (${why}).`);
    }
    return oauth.processAuthorizationCodeResponse(s.as, s.client,
      await oauth.authorizationCodeGrantRequest(s.as, s.client, s.auth, params, pending.redirectUri, pending.verifier, s.options));
  }, now);
}
