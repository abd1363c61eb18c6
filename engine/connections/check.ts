import { JunctionError } from '../sdk/errors';
import type { ConnectionTypeInfo } from './kinds';

const bad = (field: string, message: string): never => { throw new JunctionError('connection.field', `${field}: ${message}`, { path: field }); };

/**
 * Checks a connection's fields against its kind and splits them: the plain ones (stored in
 * SQLite) and the secret ones (for the secret store). `hadSecrets` are the names already saved,
 * which satisfy a required secret left empty in an edit.
 */
export function checkFields(kind: ConnectionTypeInfo, fields: Record<string, unknown>, secrets: Record<string, string>, hadSecrets: string[]) {
  const plain: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const f = kind.fields.find((x) => x.name === name);
    if (!f) bad(name, `is not a field of a ${kind.title} connection`);
    if (f!.secret) bad(name, 'is a secret: send it in "secrets", never in "fields"');
    if (value === '' || value === null || value === undefined) continue;
    if (f!.input === 'number' && !(typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65_535)) bad(name, 'must be a whole number from 0 to 65535');
    if (f!.input === 'boolean' && typeof value !== 'boolean') bad(name, 'must be true or false');
    if ((f!.input === 'text' || f!.input === 'textarea' || f!.input === 'select') && typeof value !== 'string') bad(name, 'must be text');
    if (f!.input === 'select' && !f!.options!.includes(value as string)) bad(name, `must be one of ${f!.options!.join(', ')}`);
    plain[name] = value;
  }
  for (const f of kind.fields) if (plain[f.name] === undefined && f.default !== undefined) plain[f.name] = f.default;
  for (const name of Object.keys(secrets)) {
    const f = kind.fields.find((x) => x.name === name);
    if (!f?.secret) bad(name, `is not a secret of a ${kind.title} connection`);
  }
  const visible = (f: ConnectionTypeInfo['fields'][number]) => !f.showWhen || Object.entries(f.showWhen).every(([k, vs]) => vs.includes(String(plain[k])));
  for (const f of kind.fields) {
    if (!f.required || !visible(f)) continue;
    const present = f.secret ? Boolean(secrets[f.name]) || hadSecrets.includes(f.name) : plain[f.name] !== undefined;
    if (!present) bad(f.name, 'is required');
  }
  if (kind.type === 'oauth2' && plain.grant === 'authorizationCode' && !plain.authorizationUrl) bad('authorizationUrl', 'is required for the authorization code grant');
  return plain;
}
