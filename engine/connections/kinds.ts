/**
 * The kinds of connection and their fields: the one description the service validates against
 * and the Connections screen draws its form from. Fields marked `secret` go to the secret store,
 * never to SQLite, a flow, a log or an API reply.
 */
export interface ConnectionFieldInfo {
  name: string;
  label: string;
  input: 'text' | 'number' | 'boolean' | 'select' | 'textarea';
  secret?: boolean;
  required?: boolean;
  options?: string[];
  default?: string | number | boolean;
  /** Shown only when another field has one of these values. */
  showWhen?: Record<string, string[]>;
  help?: string;
}

export interface ConnectionTypeInfo {
  type: string;
  title: string;
  description: string;
  fields: ConnectionFieldInfo[];
  /** Needs a sign-in in the browser (OAuth2 authorization code). */
  authorize?: boolean;
}

const testUrl: ConnectionFieldInfo = { name: 'testUrl', label: 'Test URL', input: 'text', help: 'A URL that needs this authentication; "Test connection" sends a GET to it.' };
const host: ConnectionFieldInfo = { name: 'host', label: 'Host', input: 'text', required: true };
const user: ConnectionFieldInfo = { name: 'user', label: 'User', input: 'text' };
const password: ConnectionFieldInfo = { name: 'password', label: 'Password', input: 'text', secret: true };

export const CONNECTION_TYPES: ConnectionTypeInfo[] = [
  {
    type: 'apiKey', title: 'API key', description: 'A key sent in a header, a query parameter or a cookie.',
    fields: [
      { name: 'in', label: 'Send in', input: 'select', options: ['header', 'query', 'cookie'], default: 'header', required: true },
      { name: 'name', label: 'Name', input: 'text', required: true, default: 'X-API-Key', help: 'Header, query parameter or cookie name.' },
      { name: 'value', label: 'Key', input: 'text', secret: true, required: true },
      testUrl,
    ],
  },
  { type: 'basic', title: 'Basic auth', description: 'User name and password (HTTP Basic).', fields: [{ ...user, required: true }, { ...password, required: true }, testUrl] },
  { type: 'bearer', title: 'Bearer token', description: 'A fixed token sent as "Authorization: Bearer …".', fields: [{ name: 'token', label: 'Token', input: 'text', secret: true, required: true }, testUrl] },
  {
    type: 'headers', title: 'Custom headers', description: 'Headers added to every request, e.g. a vendor\'s own auth headers.',
    fields: [{ name: 'headers', label: 'Headers', input: 'textarea', secret: true, required: true, help: 'One "Name: value" per line.' }, testUrl],
  },
  {
    type: 'oauth2', title: 'OAuth2', description: 'Authorization code with PKCE (sign in in the browser), or client credentials.',
    authorize: true,
    fields: [
      { name: 'grant', label: 'Grant', input: 'select', options: ['authorizationCode', 'clientCredentials'], default: 'authorizationCode', required: true },
      { name: 'authorizationUrl', label: 'Authorization URL', input: 'text', showWhen: { grant: ['authorizationCode'] } },
      { name: 'tokenUrl', label: 'Token URL', input: 'text', required: true },
      { name: 'clientId', label: 'Client id', input: 'text', required: true },
      { name: 'clientSecret', label: 'Client secret', input: 'text', secret: true, help: 'Leave empty for a public client (PKCE only).' },
      { name: 'clientAuth', label: 'Client authentication', input: 'select', options: ['basic', 'post'], default: 'basic' },
      { name: 'scope', label: 'Scopes', input: 'text', help: 'Space-separated.' },
      { name: 'audience', label: 'Audience', input: 'text' },
      { name: 'redirectPort', label: 'Redirect port', input: 'number', showWhen: { grant: ['authorizationCode'] }, help: 'Empty: any free port on 127.0.0.1 (RFC 8252); set one if the provider needs an exact redirect URI.' },
      testUrl,
    ],
  },
  {
    type: 'jwtBearer', title: 'JWT bearer assertion', description: 'A signed JWT exchanged for a token (Google service accounts, Salesforce JWT flow).',
    fields: [
      { name: 'tokenUrl', label: 'Token URL', input: 'text', required: true },
      { name: 'algorithm', label: 'Algorithm', input: 'select', options: ['RS256', 'HS256'], default: 'RS256', required: true },
      { name: 'issuer', label: 'Issuer (iss)', input: 'text', required: true, help: 'Service account email, or the connected app\'s consumer key.' },
      { name: 'subject', label: 'Subject (sub)', input: 'text', help: 'The user to act as (Salesforce user name; Google delegated user).' },
      { name: 'audience', label: 'Audience (aud)', input: 'text', help: 'Empty: the token URL.' },
      { name: 'scope', label: 'Scopes', input: 'text', help: 'Put in the assertion (Google).' },
      { name: 'key', label: 'Private key (PEM) or shared secret', input: 'textarea', secret: true, required: true },
      testUrl,
    ],
  },
  {
    type: 'database', title: 'Database', description: 'PostgreSQL, MySQL/MariaDB and similar servers.',
    fields: [
      { name: 'engine', label: 'Server', input: 'select', options: ['postgres', 'mysql'], default: 'postgres', required: true },
      host, { name: 'port', label: 'Port', input: 'number', required: true, default: 5432 },
      { name: 'database', label: 'Database', input: 'text' }, user, password,
      { name: 'tls', label: 'Use TLS', input: 'boolean', default: false },
    ],
  },
  {
    type: 'redis', title: 'Redis', description: 'A Redis server (key-value store, streams, pub/sub).',
    fields: [host, { name: 'port', label: 'Port', input: 'number', required: true, default: 6379 },
      { name: 'db', label: 'Database number', input: 'number', default: 0 },
      { ...user, help: 'Only for Redis 6 ACL users; leave empty for the default user.' }, password,
      { name: 'tls', label: 'Use TLS', input: 'boolean', default: false }],
  },
  {
    type: 'smtp', title: 'SMTP (send mail)', description: 'An outgoing mail server.',
    fields: [host, { name: 'port', label: 'Port', input: 'number', required: true, default: 587 },
      { name: 'security', label: 'Security', input: 'select', options: ['starttls', 'tls', 'none'], default: 'starttls' }, user, password],
  },
  {
    type: 'imap', title: 'IMAP (read mail)', description: 'A mailbox server.',
    fields: [host, { name: 'port', label: 'Port', input: 'number', required: true, default: 993 },
      { name: 'security', label: 'Security', input: 'select', options: ['tls', 'starttls', 'none'], default: 'tls' }, user, password],
  },
  // Secrets of triggers and outgoing webhooks (the Webhook trigger's checks, Send Webhook's signature).
  {
    type: 'webhookSecret', title: 'Webhook secret', description: 'A signing secret or token that incoming webhooks are checked against, or outgoing ones signed with.',
    fields: [{ name: 'secret', label: 'Secret', input: 'text', secret: true, required: true, help: 'The shared secret or token, e.g. whsec_… (Standard Webhooks) or a GitHub webhook secret.' }],
  },
];

export const connectionType = (type: string): ConnectionTypeInfo | undefined => CONNECTION_TYPES.find((t) => t.type === type);

/** Secrets a connection keeps that the person never types: tokens the OAuth2 and JWT kinds obtain. */
export const TOKEN_SECRETS = ['accessToken', 'refreshToken'] as const;
