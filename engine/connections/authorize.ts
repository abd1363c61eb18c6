/**
 * Sign-in for the OAuth2 authorization code grant, as RFC 8252 describes for native apps: the
 * system browser opens the provider's page, and the provider redirects to a one-shot listener on
 * 127.0.0.1 (never beyond loopback). The state and the PKCE verifier are checked by oauth4webapi.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JunctionError } from '../sdk/errors';
import type { ConnectionRecord } from '../store/types';
import type { ConnectionManager } from './manager';
import { authorizationRequest, exchangeCode, type OAuthFields } from './oauth';

/** How long the listener waits for the person to finish signing in. */
export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;
const CALLBACK_PATH = '/callback';

const page = (title: string, text: string) => `<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font:16px system-ui;margin:3em"><h1>${title}</h1><p>${text}</p></body>`;
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export interface SignIn {
  /** The URL to open in the browser. */
  url: string;
  /** Settles when the sign-in finished (tokens saved) or failed. */
  done: Promise<void>;
}

export async function startSignIn(m: ConnectionManager, rec: ConnectionRecord, now: () => number, timeoutMs = SIGN_IN_TIMEOUT_MS): Promise<SignIn> {
  if (rec.type !== 'oauth2' || rec.fields.grant !== 'authorizationCode') throw new JunctionError('connection.kind', `Connection "${rec.name}" does not sign in through the browser.`);
  const secrets = await m.readSecrets(rec.id);
  const fields = { ...rec.fields, clientSecret: secrets.clientSecret } as unknown as OAuthFields;
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(new JunctionError('connection.port', `Could not listen on 127.0.0.1:${rec.fields.redirectPort ?? 0} for the sign-in: ${e.code ?? e.message}.`)));
    server.listen(Number(rec.fields.redirectPort ?? 0), '127.0.0.1', resolve);
  });
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}${CALLBACK_PATH}`;
  let pending;
  try { pending = await authorizationRequest(fields, redirectUri); } catch (e) { server.close(); throw e; }

  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => finish(new JunctionError('connection.timeout', 'The sign-in was not finished within 5 minutes; start it again.')), timeoutMs);
    const finish = (error?: unknown) => { clearTimeout(timer); server.close(); server.closeAllConnections?.(); if (error) reject(error); else resolve(); };
    server.on('request', (req, res) => {
      const url = new URL(req.url ?? '/', redirectUri);
      if (url.pathname !== CALLBACK_PATH) { res.writeHead(404).end(); return; }
      exchangeCode(fields, pending, url, now())
        .then((tokens) => m.tokens.store(m.get(rec.id), tokens))
        .then(() => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Signed in', `Junction is connected as "${escape(rec.name)}". You can close this tab.`));
          finish();
        }, (e: unknown) => {
          res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' }).end(page('Sign-in failed', escape((e as Error).message)));
          finish(e);
        });
    });
  });
  done.catch(() => { /* the caller reads the outcome from `done`; never an unhandled rejection */ });
  return { url: pending.url.href, done };
}
