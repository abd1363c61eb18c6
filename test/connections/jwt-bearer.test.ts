// JWT bearer assertions (RFC 7523) as Google service accounts and Salesforce use them: signed
// RS256 or HS256, verified here with jose against the known keys, and exchanged for a token at a
// loopback token endpoint that checks the assertion the way those servers do.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportPKCS8, generateKeyPair, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_BEARER_GRANT, signAssertion } from '../../engine/connections';
import { connectionService } from './harness';

const NOW = Date.UTC(2026, 11, 7, 2, 0, 0);
const HS_SECRET = 'a-shared-secret-of-at-least-32-bytes!!';
let keys: Awaited<ReturnType<typeof generateKeyPair>>;
let pem: string;
let tokenUrl: string;
let close: () => void;
const seen: string[] = [];

beforeAll(async () => {
  keys = await generateKeyPair('RS256', { extractable: true });
  pem = await exportPKCS8(keys.privateKey);
  // The token endpoint: accepts only a valid assertion signed by the known key.
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', async () => {
      const form = new URLSearchParams(body);
      seen.push(form.get('grant_type') ?? '');
      try {
        if (form.get('grant_type') !== JWT_BEARER_GRANT) throw new Error('unsupported_grant_type');
        await jwtVerify(form.get('assertion') ?? '', keys.publicKey, { issuer: 'svc@project.iam.example', audience: tokenUrl });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'ya29.issued-token', token_type: 'Bearer', expires_in: 3600 }));
      } catch (e) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_grant', error_description: (e as Error).message }));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
  close = () => server.close();
});
afterAll(() => close());

describe('JWT bearer assertion', () => {
  it('RS256: the claims Google and Salesforce read, verified with the public key', async () => {
    const jwt = await signAssertion({ tokenUrl: 'https://oauth2.googleapis.com/token', algorithm: 'RS256', issuer: 'svc@project.iam.example', subject: 'user@example.com', scope: 'https://www.googleapis.com/auth/drive' }, pem, NOW);
    const { payload, protectedHeader } = await jwtVerify(jwt, keys.publicKey, { currentDate: new Date(NOW) });
    expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(payload).toMatchObject({ iss: 'svc@project.iam.example', sub: 'user@example.com', aud: 'https://oauth2.googleapis.com/token', scope: 'https://www.googleapis.com/auth/drive', iat: NOW / 1000, exp: NOW / 1000 + 180 });
    expect(payload.jti).toEqual(expect.any(String));
  });

  it('RS256 from a service-account JSON file, and HS256 with a shared secret', async () => {
    const file = JSON.stringify({ type: 'service_account', private_key: pem, client_email: 'svc@project.iam.example' });
    const rs = await signAssertion({ tokenUrl, algorithm: 'RS256', issuer: 'svc@project.iam.example', audience: 'https://login.salesforce.com' }, file, NOW);
    expect((await jwtVerify(rs, keys.publicKey, { audience: 'https://login.salesforce.com', currentDate: new Date(NOW) })).payload.iss).toBe('svc@project.iam.example');
    const hs = await signAssertion({ tokenUrl, algorithm: 'HS256', issuer: 'client-1' }, HS_SECRET, NOW);
    expect((await jwtVerify(hs, new TextEncoder().encode(HS_SECRET), { currentDate: new Date(NOW) })).payload.aud).toBe(tokenUrl);
    await expect(signAssertion({ tokenUrl, algorithm: 'HS256', issuer: 'c' }, 'short', NOW)).rejects.toThrow(/at least 32 bytes/);
    await expect(signAssertion({ tokenUrl, algorithm: 'RS256', issuer: 'c' }, 'not a key', NOW)).rejects.toThrow(/PKCS#8/);
  });

  it('a connection exchanges its assertion for a token; a wrong key gets the server\'s reason', async () => {
    const svc = connectionService();
    try {
      const good = await svc.handlers['connections.save']({ name: 'Service account', type: 'jwtBearer', fields: { tokenUrl, algorithm: 'RS256', issuer: 'svc@project.iam.example' }, secrets: { key: pem } });
      expect(await svc.handlers['connections.test']({ id: good.id })).toMatchObject({ ok: true });
      expect(seen).toContain(JWT_BEARER_GRANT);
      const other = await generateKeyPair('RS256', { extractable: true });
      const bad = await svc.handlers['connections.save']({ name: 'Wrong key', type: 'jwtBearer', fields: { tokenUrl, algorithm: 'RS256', issuer: 'svc@project.iam.example' }, secrets: { key: await exportPKCS8(other.privateKey) } });
      const result = await svc.handlers['connections.test']({ id: bad.id });
      expect(result.message).toMatch(/^400 from 127\.0\.0\.1:\d+: invalid_grant: signature verification failed/);
    } finally {
      await svc.dispose();
    }
  });
});
