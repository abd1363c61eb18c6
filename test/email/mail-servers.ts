/**
 * For the email tests: an SMTP server in this process (smtp-server, with AUTH) that keeps what
 * it receives, connections to it and to the Dovecot test server, and an IMAP client to put
 * messages into a mailbox the way a delivering mail server would.
 */
import type { AddressInfo } from 'node:net';
import { ImapFlow } from 'imapflow';
import { SMTPServer } from 'smtp-server';
import { staticCredential } from '../../engine/sdk/testing';

export const SMTP_USER = 'reports', SMTP_PASSWORD = 'smtp-secret-9';

export interface Received { from: string; to: string[]; raw: Buffer }

/** Plain SMTP on a free loopback port; AUTH PLAIN/LOGIN required (allowed without TLS, as on a local relay). */
export async function startSmtp() {
  const received: Received[] = [];
  const stats = { connections: 0 };
  const server = new SMTPServer({
    secure: false, disabledCommands: ['STARTTLS'], allowInsecureAuth: true, authMethods: ['PLAIN', 'LOGIN'], logger: false,
    onConnect(_session, done) { stats.connections++; done(); },
    onAuth(auth, _session, done) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) done(null, { user: auth.username });
      else done(new Error('Invalid username or password'));
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
  return { port, received, stats, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export const smtpCredential = (port: number, password = SMTP_PASSWORD) =>
  staticCredential('smtp', { host: '127.0.0.1', port, security: 'none', user: SMTP_USER }, { password });

export const imapCredential = (info: Record<string, string | number>, password = String(info.password)) =>
  staticCredential('imap', { host: info.host, port: info.port, security: 'none', user: info.user }, { password });

/** A signed-in IMAP client on the Dovecot test server (no TLS there). */
export async function imapClient(info: Record<string, string | number>): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: String(info.host), port: Number(info.port), secure: false, doSTARTTLS: false, logger: false,
    auth: { user: String(info.user), pass: String(info.password) },
  });
  await client.connect();
  return client;
}

/** A fresh mailbox per test, so test files running side by side never share one. */
export async function freshMailbox(client: ImapFlow, prefix: string): Promise<string> {
  const path = `${prefix}-${process.pid}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  await client.mailboxCreate(path);
  return path;
}
