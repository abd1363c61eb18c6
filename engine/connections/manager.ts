/**
 * Connections: metadata in the store, secret values in the secret store (one JSON entry per
 * connection), resolved for nodes at run time. Nothing here returns a secret value to a caller
 * outside the engine: the API sees which secrets are set, never what they are.
 */
import { randomBytes } from 'node:crypto';
import type { Secrets as SecretManager } from '../secrets';
import type { CredentialRef } from '../flow/types';
import { JunctionError } from '../sdk/errors';
import type { ResolvedCredential } from '../sdk/types';
import type { ConnectionRecord, ConnectionStore } from '../store/types';
import { applyStatic, bearer, secretValues, type SecretValues } from './apply';
import { checkFields } from './check';
import { connectionType } from './kinds';
import { createTokens, usesTokens } from './tokens';

export interface ConnectionInput { id?: string; name: string; type: string; fields: Record<string, unknown>; secrets?: Record<string, string> }

export interface ConnectionManagerDeps {
  store: ConnectionStore;
  secrets: SecretManager;
  now: () => number;
  changed: () => void;
}

const newId = () => `c_${randomBytes(9).toString('base64url')}`;

export function createConnectionManager(d: ConnectionManagerDeps) {
  const readSecrets = async (id: string): Promise<SecretValues> => {
    const text = await d.secrets.store().get(id);
    if (!text) return {};
    try { return JSON.parse(text) as SecretValues; } catch { throw new JunctionError('secrets.damaged', `The saved secrets of connection ${id} are damaged; enter them again.`); }
  };
  const writeSecrets = async (id: string, s: SecretValues) => d.secrets.store().set(id, JSON.stringify(s));
  const tokens = createTokens({ store: d.store, now: d.now, readSecrets, writeSecrets, changed: d.changed });
  const iso = () => new Date(d.now()).toISOString();

  const mustGet = (id: string): ConnectionRecord => {
    const rec = d.store.get(id);
    if (!rec) throw new JunctionError('connection.missing', `There is no connection ${id}.`);
    return rec;
  };

  async function save(input: ConnectionInput): Promise<ConnectionRecord> {
    const kind = connectionType(input.type);
    if (!kind) throw new JunctionError('connection.kind', `"${input.type}" is not a kind of connection.`, { path: 'type' });
    const before = input.id ? mustGet(input.id) : undefined;
    const sameKind = before?.type === input.type;
    for (const [k, v] of Object.entries(input.secrets ?? {})) if (typeof v !== 'string') throw new JunctionError('connection.field', `secrets.${k}: must be text`, { path: `secrets.${k}` });
    const given = Object.fromEntries(Object.entries(input.secrets ?? {}).filter(([, v]) => v !== ''));
    const fields = checkFields(kind, input.fields ?? {}, given, sameKind ? before!.secretNames : []);
    const id = before?.id ?? newId();
    // Secrets first: a failing keychain leaves no metadata that points at nothing.
    const old = sameKind ? await readSecrets(id) : {};
    // Changing who signs in (client, endpoints, key) makes the tokens of the old grant meaningless.
    const authChanged = !sameKind || ['tokenUrl', 'clientId', 'authorizationUrl', 'scope', 'issuer', 'grant'].some((k) => before!.fields[k] !== fields[k])
      || given.clientSecret !== undefined || given.key !== undefined;
    const next: SecretValues = { ...old, ...given };
    if (authChanged) { delete next.accessToken; delete next.refreshToken; delete next.expiresAt; }
    if (Object.keys(next).length || before) await writeSecrets(id, next);
    const rec: ConnectionRecord = {
      id, name: input.name.trim() || kind.title, type: input.type, fields,
      secretNames: kind.fields.filter((f) => f.secret && next[f.name]).map((f) => f.name),
      // New sign-in details: unknown until tested or signed in; otherwise the state stays (a refused grant stays refused).
      status: usesTokens(input.type) && authChanged ? 'untested' : before?.status ?? 'ok',
      createdAt: before?.createdAt ?? iso(), updatedAt: iso(),
    };
    d.store.save(rec);
    d.changed();
    return d.store.get(id)!;
  }

  async function remove(id: string): Promise<boolean> {
    mustGet(id);
    await d.secrets.store().delete(id);
    const gone = d.store.delete(id);
    d.changed();
    return gone;
  }

  /** What `ctx.credential(slot)` returns for a node's reference. */
  async function resolve(ref: CredentialRef): Promise<ResolvedCredential> {
    const rec = d.store.get(ref.id);
    if (!rec) throw new JunctionError('connection.missing', `Its connection "${ref.name}" (${ref.type}) no longer exists: pick another one in the node's inspector.`);
    if (rec.status === 'reconnect') {
      throw new JunctionError('connection.reconnect', `Connection "${rec.name}" must be reconnected${rec.statusDetail ? ` (${rec.statusDetail})` : ''}: open Connections and sign in again.`);
    }
    let secrets = await readSecrets(rec.id);
    const token = usesTokens(rec.type);
    const known = () => secretValues(rec.type, rec.fields, secrets);
    const credential: ResolvedCredential = {
      id: rec.id, type: rec.type, name: rec.name, fields: { ...rec.fields },
      async apply(req) {
        if (!token) return applyStatic(rec.type, rec.fields, secrets, req);
        bearer(req, await tokens.accessToken(rec));
        secrets = await readSecrets(rec.id);
      },
      secrets: known,
      secret: async (name) => (connectionType(rec.type)?.fields.some((f) => f.secret && f.name === name) ? secrets[name] : undefined),
    };
    if (token) {
      credential.refresh = async () => {
        await tokens.accessToken(rec, true);
        secrets = await readSecrets(rec.id);
        return true;
      };
    }
    return credential;
  }

  return {
    list: () => d.store.list(),
    get: mustGet,
    save,
    remove,
    resolve,
    tokens,
    readSecrets,
  };
}

export type ConnectionManager = ReturnType<typeof createConnectionManager>;
