// Connections cross into a run's process as handles, never as secret stores: the service alone
// opens the keychain (or the unlocked encrypted file) and renews tokens, so one refresh-token
// rotation is saved once. The run's process asks the service to sign each request.
import type { CredentialResolver } from '../exec/run-context';
import type { CredentialRef } from '../flow/types';
import { JunctionError, toErrorInfo, type ErrorInfo } from '../sdk/errors';
import type { ResolvedCredential } from '../sdk/types';

/** What the run's process asks. */
export type CredentialAsk =
  | { op: 'resolve'; ref: CredentialRef }
  | { op: 'apply'; handle: number; url: string; headers: Record<string, string> }
  | { op: 'refresh'; handle: number }
  | { op: 'secret'; handle: number; name: string };

export type CredentialRequest = { type: 'credential'; id: number } & CredentialAsk;
export type CredentialReply = { type: 'credential-reply'; id: number } & ({ ok: true; value: unknown } | { ok: false; error: ErrorInfo });

interface Resolved { handle: number; id: string; type: string; name: string; fields: Record<string, unknown>; secrets: string[]; canRefresh: boolean }

/** The service's side, one per run: answers a run process's asks with the resolver's credentials. */
export function serveCredentials(resolve: CredentialResolver | undefined, reply: (m: CredentialReply) => void) {
  const held = new Map<number, ResolvedCredential>();
  const answer = async (ask: CredentialAsk): Promise<unknown> => {
    if (ask.op === 'resolve') {
      if (!resolve) throw new JunctionError('connection.unavailable', 'Connections are not available where this run executes');
      const cred = await resolve(ask.ref);
      const handle = held.size + 1;
      held.set(handle, cred);
      return { handle, id: cred.id, type: cred.type, name: cred.name, fields: cred.fields, secrets: cred.secrets(), canRefresh: !!cred.refresh } satisfies Resolved;
    }
    const cred = held.get(ask.handle);
    if (!cred) throw new JunctionError('connection.unavailable', 'This connection was not resolved for this run');
    if (ask.op === 'apply') {
      const req = { url: new URL(ask.url), headers: { ...ask.headers } };
      await cred.apply(req);
      return { url: req.url.href, headers: req.headers, secrets: cred.secrets() };
    }
    if (ask.op === 'refresh') return { renewed: (await cred.refresh?.()) ?? false, secrets: cred.secrets() };
    return (await cred.secret?.(ask.name)) ?? null;
  };
  return (m: CredentialRequest) => {
    answer(m).then(
      (value) => reply({ type: 'credential-reply', id: m.id, ok: true, value }),
      (e: unknown) => reply({ type: 'credential-reply', id: m.id, ok: false, error: toErrorInfo(e) }),
    );
  };
}

/** The run process's side: a resolver whose credentials ask the service for every use. */
export function remoteCredentials(send: (m: CredentialRequest) => void) {
  let next = 0;
  const waiting = new Map<number, { ok(v: unknown): void; fail(e: Error): void }>();
  const ask = <T>(q: CredentialAsk): Promise<T> => new Promise((ok, fail) => {
    const id = ++next;
    waiting.set(id, { ok: ok as (v: unknown) => void, fail });
    send({ type: 'credential', id, ...q });
  });
  const resolver: CredentialResolver = async (ref) => {
    const r = await ask<Resolved>({ op: 'resolve', ref });
    let secrets = r.secrets;
    const cred: ResolvedCredential = {
      id: r.id, type: r.type, name: r.name, fields: r.fields,
      secrets: () => secrets,
      async apply(req) {
        const out = await ask<{ url: string; headers: Record<string, string>; secrets: string[] }>({ op: 'apply', handle: r.handle, url: req.url.href, headers: req.headers });
        secrets = out.secrets;
        req.url.href = out.url;
        for (const k of Object.keys(req.headers)) delete req.headers[k];
        Object.assign(req.headers, out.headers);
      },
      secret: async (name) => (await ask<string | null>({ op: 'secret', handle: r.handle, name })) ?? undefined,
      ...(r.canRefresh ? {
        async refresh() {
          const out = await ask<{ renewed: boolean; secrets: string[] }>({ op: 'refresh', handle: r.handle });
          secrets = out.secrets;
          return out.renewed;
        },
      } : {}),
    };
    return cred;
  };
  return {
    resolver,
    /** Delivers the service's answer to the ask it belongs to. */
    onReply(m: CredentialReply) {
      const w = waiting.get(m.id);
      if (!w) return;
      waiting.delete(m.id);
      if (m.ok) w.ok(m.value);
      else w.fail(new JunctionError(m.error.code, m.error.message, m.error.path ? { path: m.error.path } : undefined));
    },
  };
}
