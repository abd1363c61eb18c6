// The few parts of oidc-provider (which ships no types) the connection tests use.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  interface ClientLike { grantTypeAllowed(grant: string): boolean }
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown> & {
      issueRefreshToken?: (ctx: unknown, client: ClientLike) => Promise<boolean>;
      findAccount?: (ctx: unknown, id: string) => Promise<{ accountId: string; claims(): Promise<Record<string, unknown>> }>;
    });
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
