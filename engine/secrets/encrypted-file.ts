import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { JunctionError } from '../sdk/errors';
import type { SecretStore } from './types';

const FORMAT = 'junction/secrets@1';
// scrypt cost: about 0.1 s and 32 MB per unlock here, paid once per process.
const N = 2 ** 15, R = 8, P = 1, MAXMEM = 64 * 1024 * 1024;

interface FileShape { format: string; kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string }; iv: string; tag: string; data: string }

const fail = (code: string, message: string): never => { throw new JunctionError(code, message); };

/**
 * The opt-in store for machines without a keychain: every secret in one file, encrypted with
 * AES-256-GCM under a key derived from the person's passphrase by scrypt. A wrong passphrase
 * fails the GCM check and is refused; nothing is ever written in plain text.
 */
export function encryptedFileStore(path: string, passphrase: string): SecretStore {
  if (!passphrase) fail('secrets.passphrase', 'The encrypted secrets file needs a passphrase (Settings, or JUNCTION_SECRETS_PASSPHRASE).');
  let salt: Buffer;
  let entries: Record<string, string> = {};
  if (existsSync(path)) {
    const doc = readDoc(path);
    salt = Buffer.from(doc.kdf.salt, 'base64');
    entries = decrypt(doc, derive(passphrase, salt, doc.kdf), path);
  } else {
    salt = randomBytes(16);
  }
  const key = derive(passphrase, salt, { N, r: R, p: P });
  const save = () => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(entries), 'utf8'), cipher.final()]);
    const doc: FileShape = { format: FORMAT, kdf: { name: 'scrypt', N, r: R, p: P, salt: salt.toString('base64') }, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.tmp`, `${JSON.stringify(doc)}\n`, { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
  };
  return {
    kind: 'file',
    get: async (k) => (Object.hasOwn(entries, k) ? entries[k] : undefined),
    set: async (k, v) => { entries = { ...entries, [k]: v }; save(); },
    delete: async (k) => { if (!Object.hasOwn(entries, k)) return; const { [k]: _gone, ...rest } = entries; entries = rest; save(); },
  };
}

function derive(passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: MAXMEM });
}

function readDoc(path: string): FileShape {
  let doc: FileShape;
  try { doc = JSON.parse(readFileSync(path, 'utf8')) as FileShape; } catch { return fail('secrets.file', `The secrets file ${path} is damaged (not JSON).`); }
  if (doc?.format !== FORMAT || doc.kdf?.name !== 'scrypt' || typeof doc.data !== 'string') fail('secrets.file', `The secrets file ${path} is not one this version of Junction can read.`);
  if (!(doc.kdf.N <= 2 ** 20 && doc.kdf.r <= 16 && doc.kdf.p <= 4)) fail('secrets.file', `The secrets file ${path} asks for an unreasonable key derivation cost.`);
  return doc;
}

function decrypt(doc: FileShape, key: Buffer, path: string): Record<string, string> {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(doc.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(doc.tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(doc.data, 'base64')), decipher.final()]).toString('utf8');
    return JSON.parse(text) as Record<string, string>;
  } catch {
    return fail('secrets.passphrase', `The passphrase does not open the secrets file ${path}.`);
  }
}
