/**
 * An IMAP client (imapflow) from an 'imap' connection, signed in, with sign-in and reach
 * problems as one sentence naming the server. imapflow loads the first time a mailbox is read.
 */
import { JunctionError, lazyLibrary, type ResolvedCredential } from '../../engine/sdk';

type ImapFlowModule = typeof import('imapflow');
export type ImapClient = import('imapflow').ImapFlow;

const imapflow = lazyLibrary<ImapFlowModule>('imapflow');
const TIMEOUT_MS = 30_000;

export const imapServerOf = (cred: ResolvedCredential) => `${String(cred.fields.host ?? '')}:${Number(cred.fields.port ?? 993)}`;

export async function openImap(cred: ResolvedCredential): Promise<ImapClient> {
  const f = cred.fields;
  const host = String(f.host ?? '');
  const security = String(f.security ?? 'tls');
  const user = String(f.user ?? '');
  const client = new (imapflow().ImapFlow)({
    host, port: Number(f.port ?? 993), secure: security === 'tls', doSTARTTLS: security === 'starttls' ? true : security === 'none' ? false : undefined,
    auth: { user, pass: (await cred.secret?.('password')) ?? '' },
    servername: host, logger: false, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS,
  });
  client.on('error', () => {}); // a socket error after the run is over must not end the process; calls report their own
  try {
    await client.connect();
  } catch (e) {
    const err = e as Error & { authenticationFailed?: boolean; responseText?: string; code?: string };
    const server = `IMAP server ${imapServerOf(cred)}`;
    if (err.authenticationFailed) {
      throw new JunctionError('imap.auth', `The ${server} refused the sign-in for "${user}": ${err.responseText ?? err.message}. Check the user and password of the connection.`, { cause: e });
    }
    throw new JunctionError('imap.unreachable', `Could not reach the ${server}: ${err.code ?? err.message}.`, { cause: e, retryable: true });
  }
  return client;
}
