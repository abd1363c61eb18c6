/**
 * A real server the tests start once per test run, on loopback, with its data in a temp folder
 * (recipes: ../shared/SERVERS.md). Each server module exports one of these; index.ts lists them.
 */
export interface TestServer {
  name: string;
  /** Why it cannot start on this machine (a package missing), or undefined when it can. */
  missing(): string | undefined;
  /** Starts it and says how to reach it; `stop` ends it and removes its data. */
  start(): Promise<RunningServer>;
}

export interface RunningServer {
  /** Connection details handed to the tests (host, port, user, …). */
  info: Record<string, string | number>;
  stop(): Promise<void>;
}

/** What the tests receive per server name: its details, or the one sentence saying why it is absent. */
export type ServerInfo = { info: Record<string, string | number> } | { error: string };
