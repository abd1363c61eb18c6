/**
 * A real OpenID provider (the oidc-provider package) on 127.0.0.1 for the connection tests:
 * authorization code with PKCE (a native client: any loopback port, RFC 8252), refresh tokens
 * that rotate, revocation and client credentials. Its dev login pages take any user name.
 */
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface OidcServer { issuer: string; provider: Provider; close(): Promise<void> }

export async function startOidc(opts: { accessTokenTtl?: number } = {}): Promise<OidcServer> {
  const { createServer } = await import('node:http');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'junction-desktop', client_secret: 'desktop-secret', application_type: 'native',
        grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'],
        redirect_uris: ['http://127.0.0.1/callback'], token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        client_id: 'junction-service', client_secret: 'service-secret-value', grant_types: ['client_credentials'],
        response_types: [], redirect_uris: [], token_endpoint_auth_method: 'client_secret_basic', scope: 'api:read',
      },
    ],
    scopes: ['openid', 'offline_access', 'api:read'],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, clientCredentials: { enabled: true }, revocation: { enabled: true }, introspection: { enabled: true } },
    // Every refresh hands out a new refresh token and retires the old one.
    rotateRefreshToken: true,
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: { AccessToken: opts.accessTokenTtl ?? 3600, ClientCredentials: 600 },
    async findAccount(_ctx, id) { return { accountId: id, async claims() { return { sub: id }; } }; },
    cookies: { keys: ['connections-test-cookie-key'] },
  });
  server.on('request', provider.callback());
  return {
    issuer, provider,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
