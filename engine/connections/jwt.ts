/**
 * The JWT bearer assertion (RFC 7523), as Google service accounts (RS256, `scope` claim) and
 * Salesforce's JWT flow (RS256, `sub` = user name) use it. Signed with jose; HS256 for
 * servers that share a secret instead.
 */
import { randomUUID } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import { JunctionError } from '../sdk/errors';
import { genericGrant, type Tokens } from './oauth';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Lifetime of one assertion: Salesforce accepts up to 3 minutes, Google up to an hour. */
const ASSERTION_SECONDS = 180;

export interface JwtFields { tokenUrl: string; algorithm: 'RS256' | 'HS256'; issuer: string; subject?: string; audience?: string; scope?: string }

export async function signAssertion(f: JwtFields, key: string, nowMs: number): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  const jwt = new SignJWT({ ...(f.scope ? { scope: f.scope } : {}) })
    .setProtectedHeader({ alg: f.algorithm, typ: 'JWT' })
    .setIssuer(f.issuer).setAudience(f.audience || f.tokenUrl)
    .setIssuedAt(iat).setExpirationTime(iat + ASSERTION_SECONDS).setJti(randomUUID());
  if (f.subject) jwt.setSubject(f.subject);
  return jwt.sign(await signingKey(f.algorithm, key));
}

async function signingKey(alg: JwtFields['algorithm'], key: string) {
  if (alg === 'HS256') {
    if (Buffer.byteLength(key) < 32) throw new JunctionError('connection.key', 'An HS256 shared secret must be at least 32 bytes long.');
    return new TextEncoder().encode(key);
  }
  // A Google service-account JSON file holds the PEM under "private_key": accept the file too.
  const pem = key.trim().startsWith('{') ? ((JSON.parse(key) as { private_key?: string }).private_key ?? '') : key;
  try {
    return await importPKCS8(pem.replace(/\\n/g, '\n').trim(), 'RS256');
  } catch {
    throw new JunctionError('connection.key', 'The private key is not a PEM "BEGIN PRIVATE KEY" (PKCS#8) RSA key.');
  }
}

export async function jwtBearerTokens(f: JwtFields, key: string, nowMs: number): Promise<Tokens> {
  const assertion = await signAssertion(f, key, nowMs);
  return genericGrant({ tokenUrl: f.tokenUrl, clientId: f.issuer }, JWT_BEARER_GRANT, { assertion }, nowMs);
}
