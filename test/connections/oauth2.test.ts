// OAuth2 against a real OpenID provider on loopback: sign-in with authorization code + PKCE
// through Chromium as a person would (login and consent pages), refresh with rotation saved
// back to the secret store, revocation leading to a "reconnect" state (no retry loop), and
// client credentials.
import { join } from 'node:path';
import * as oauth from 'oauth4webapi';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionDto, FlowFile } from '../../engine/api';
import { encryptedFileStore, SECRETS_FILE } from '../../engine/secrets';
import { findBrowser } from '../e2e/browser';
import { finished } from '../../engine/service/testing';
import { connectionService, PASSPHRASE } from './harness';
import { startOidc, type OidcServer } from './oidc-server';

const executablePath = findBrowser();
let oidc: OidcServer;
let browser: Browser | undefined;
const svc = connectionService();
const h = () => svc.handlers;

beforeAll(async () => {
  oidc = await startOidc();
  if (executablePath) browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
});
afterAll(async () => { await browser?.close(); await svc.dispose(); await oidc.close(); });

const connectionChanged = () => new Promise<void>((resolve) => { const off = svc.events((e) => { if (e.type === 'connections.changed') { off(); resolve(); } }); });

/** Signs in through the provider's pages in Chromium; resolves with the connection afterwards. */
async function signIn(id: string): Promise<ConnectionDto> {
  const { url } = await h()['connections.signIn']({ id });
  const page = await browser!.newPage();
  try {
    const changed = connectionChanged();
    await page.goto(url);
    await page.fill('input[name="login"]', 'alice');
    await page.fill('input[name="password"]', 'any');
    await page.click('button[type="submit"]');
    await page.click('button[type="submit"]'); // consent: "Continue"
    await page.waitForSelector('text=Signed in');
    await changed;
    return await h()['connections.get']({ id });
  } finally {
    await page.close();
  }
}

/** The service's encrypted secrets file, opened as a second process would. */
const secretFile = () => encryptedFileStore(join(svc.dataDir, SECRETS_FILE), PASSPHRASE);
const stored = async (id: string) => JSON.parse((await secretFile().get(id)) ?? '{}') as Record<string, string>;
/** Marks the saved access token as expired, then has the service reopen the file. */
async function expireToken(id: string) {
  await secretFile().set(id, JSON.stringify({ ...(await stored(id)), expiresAt: String(Date.now() - 1000) }));
  await h()['connections.useStore']({ kind: 'file', passphrase: PASSPHRASE });
}

describe.skipIf(!executablePath)('OAuth2 authorization code with PKCE', () => {
  let conn: ConnectionDto;

  it('signs in through the browser and a loopback redirect', async () => {
    conn = await h()['connections.save']({
      name: 'Provider (alice)', type: 'oauth2',
      fields: { grant: 'authorizationCode', authorizationUrl: `${oidc.issuer}/auth`, tokenUrl: `${oidc.issuer}/token`, clientId: 'junction-desktop', scope: 'openid offline_access', testUrl: `${oidc.issuer}/me` },
      secrets: { clientSecret: 'desktop-secret' },
    });
    expect(conn.status).toBe('untested');
    const after = await signIn(conn.id);
    expect(after.status).toBe('ok');
    const saved = await stored(conn.id);
    expect(saved.accessToken).toBeTruthy();
    expect(saved.refreshToken).toBeTruthy();
    expect(JSON.stringify(after)).not.toContain(saved.accessToken);
    expect(await h()['connections.test']({ id: conn.id })).toMatchObject({ ok: true, status: 200 });
  });

  it('refreshes, saves the rotated refresh token, and the old one is dead', async () => {
    const before = await stored(conn.id);
    // An expired token: the next use must renew it before sending.
    await expireToken(conn.id);
    expect(await h()['connections.test']({ id: conn.id })).toMatchObject({ ok: true, status: 200 });
    const after = await stored(conn.id);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    // The provider rotated it: the old refresh token is refused.
    const as = { issuer: oidc.issuer, token_endpoint: `${oidc.issuer}/token` };
    const client = { client_id: 'junction-desktop' };
    const res = await oauth.refreshTokenGrantRequest(as, client, oauth.ClientSecretBasic('desktop-secret'), before.refreshToken, { [oauth.allowInsecureRequests]: true });
    await expect(oauth.processRefreshTokenResponse(as, client, res)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('a revoked grant puts the connection in "reconnect", and runs fail fast with that', async () => {
    const now = await stored(conn.id);
    const as = { issuer: oidc.issuer, token_endpoint: `${oidc.issuer}/token`, revocation_endpoint: `${oidc.issuer}/token/revocation` };
    const client = { client_id: 'junction-desktop' };
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, oauth.ClientSecretBasic('desktop-secret'), now.refreshToken, { [oauth.allowInsecureRequests]: true }));

    const { flow: created } = await h()['flows.create']({ name: 'Uses OAuth' });
    const flow: FlowFile = {
      ...created,
      nodes: [
        { id: 't', type: 'trigger.manual', version: 1, name: 'Start', position: { x: 0, y: 0 }, params: {} },
        { id: 'c', type: 'test.auth.call', version: 1, name: 'Call', position: { x: 200, y: 0 }, params: { url: `${oidc.issuer}/me` },
          credentials: { auth: { id: conn.id, type: 'oauth2', name: conn.name } },
          settings: { retry: { attempts: 5, backoff: 'fixed', delayMs: 10 } } },
      ],
      edges: [{ id: 'e', from: { node: 't', port: 'main' }, to: { node: 'c', port: 'main' } }],
    };
    // Revoking the refresh token ends the whole grant: the API says 401, the renewal is refused.
    const test = await h()['connections.test']({ id: conn.id });
    expect(test).toMatchObject({ ok: false, message: expect.stringMatching(/^400 from 127\.0\.0\.1:\d+: invalid_grant.*sign in again/) });
    expect((await h()['connections.get']({ id: conn.id })).status).toBe('reconnect');

    await h()['flows.save']({ flow });
    const { runId } = await h()['runs.start']({ flow, mode: 'flow' });
    const end = await svc.waitFor(finished(runId), 20_000);
    expect(end.status).toBe('failed');
    expect(end.error?.message).toMatch(/Connection "Provider \(alice\)" must be reconnected.*invalid_grant.*sign in again/);
    // Refused at once, not retried five times.
    expect(svc.seen.filter((e) => e.type === 'node.error' && e.runId === runId)).toHaveLength(1);
    const dto = await h()['connections.get']({ id: conn.id });
    expect(dto.usedBy.map((u) => u.nodeName)).toEqual(['Call']);

    // Signing in again heals it.
    expect((await signIn(conn.id)).status).toBe('ok');
  });
});

describe('OAuth2 client credentials', () => {
  it('obtains a token and reports a wrong secret in words', async () => {
    const good = await h()['connections.save']({ name: 'Service', type: 'oauth2', fields: { grant: 'clientCredentials', tokenUrl: `${oidc.issuer}/token`, clientId: 'junction-service', scope: 'api:read' }, secrets: { clientSecret: 'service-secret-value' } });
    expect(await h()['connections.test']({ id: good.id })).toMatchObject({ ok: true, message: expect.stringMatching(/token was obtained/) });
    expect((await stored(good.id)).accessToken).toBeTruthy();
    const bad = await h()['connections.save']({ name: 'Service (bad)', type: 'oauth2', fields: { grant: 'clientCredentials', tokenUrl: `${oidc.issuer}/token`, clientId: 'junction-service' }, secrets: { clientSecret: 'wrong' } });
    const result = await h()['connections.test']({ id: bad.id });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^401 from 127\.0\.0\.1:\d+: invalid_client/);
  });
});
