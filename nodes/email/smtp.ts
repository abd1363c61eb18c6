/**
 * An SMTP transport (nodemailer) from an 'smtp' connection, and what its errors mean for the
 * person, naming the server. nodemailer loads the first time a mail is sent.
 */
import { JunctionError, lazyLibrary, type ResolvedCredential } from '../../engine/sdk';

type Nodemailer = typeof import('nodemailer');
export type SmtpTransport = import('nodemailer').Transporter<import('nodemailer/lib/smtp-transport').SentMessageInfo>;

const nodemailer = lazyLibrary<Nodemailer>('nodemailer');
const TIMEOUT_MS = 30_000;

export const smtpServerOf = (cred: ResolvedCredential) => `${String(cred.fields.host ?? '')}:${Number(cred.fields.port ?? 587)}`;

/**
 * A pooled transport: one connection (or a few) carries every mail of a node run, instead of a
 * connection and a sign-in per mail. Security: `tls` from the first byte (port 465),
 * `starttls` required (587), `none` never upgrades (a local relay).
 */
export async function smtpTransport(cred: ResolvedCredential): Promise<SmtpTransport> {
  const f = cred.fields;
  const host = String(f.host ?? '');
  const security = String(f.security ?? 'starttls');
  const user = f.user ? String(f.user) : '';
  return nodemailer().createTransport({
    host, port: Number(f.port ?? 587), pool: true, maxConnections: 3,
    secure: security === 'tls', requireTLS: security === 'starttls', ignoreTLS: security === 'none',
    auth: user ? { user, pass: (await cred.secret?.('password')) ?? '' } : undefined,
    tls: { servername: host },
    connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS,
    logger: false,
  });
}

/** A send error as a sentence: sign-in refused, server out of reach, recipients refused. */
export function smtpProblem(e: unknown, cred: ResolvedCredential): JunctionError {
  const err = e as Error & { code?: string; response?: string; responseCode?: number };
  const server = `SMTP server ${smtpServerOf(cred)}`;
  const said = (err.response ?? err.message ?? String(e)).trim();
  const secrets = cred.secrets();
  const clean = (s: string) => secrets.reduce((t, x) => (x ? t.split(x).join('[redacted]') : t), s);
  switch (err.code) {
    case 'EAUTH': case 'ENOAUTH':
      return new JunctionError('smtp.auth', clean(`The ${server} refused the sign-in for "${String(cred.fields.user ?? '')}": ${said}. Check the user and password of the connection.`), { cause: e });
    case 'ETLS':
      return new JunctionError('smtp.tls', clean(`The ${server} does not offer STARTTLS (it answered: ${said}). Set the connection's security to "tls" if the server expects TLS from the start (usually port 465), or to "none" for a server without encryption.`), { cause: e });
    case 'ESOCKET':
      if (/wrong version number|packet length too long/i.test(said)) {
        return new JunctionError('smtp.tls', `The ${server} did not answer in TLS. Set the connection's security to "starttls" (usually port 587) or "none".`, { cause: e });
      }
      return new JunctionError('smtp.unreachable', clean(`Could not reach the ${server}: ${said}`), { cause: e, retryable: true });
    case 'ECONNECTION': case 'ETIMEDOUT': case 'EDNS':
      return new JunctionError('smtp.unreachable', clean(`Could not reach the ${server}: ${said}`), { cause: e, retryable: true });
    case 'EENVELOPE':
      return new JunctionError('smtp.recipients', clean(`The ${server} refused the message's sender or recipients: ${said}`), { cause: e });
    default:
      return new JunctionError('smtp.error', clean(`The ${server} did not accept the message: ${said}`), { cause: e, retryable: (err.responseCode ?? 0) >= 400 && (err.responseCode ?? 0) < 500 });
  }
}
