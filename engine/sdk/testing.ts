import { virtualClock } from '../exec/clock';
import { lazyCodeRunner, type CodeBackend } from '../exec/lazy-code-runner';
import { runWhole } from '../exec/node-session';
import { standaloneContext } from '../exec/standalone-context';
import type { Clock, CodeRunner, Item, JournalEntry, NodeType, Outputs, ResolvedCredential } from './types';

/** A clock whose sleeps return at once and are recorded, for nodes that wait. */
export { virtualClock };

type Json = Record<string, unknown>;

export interface RunNodeOptions {
  params?: Json;
  /** Items of the first input port, as JSON or as items. */
  items?: (Json | Item)[];
  /** Items per input port, for nodes with several inputs. */
  inputs?: Record<string, (Json | Item)[]>;
  clock?: Clock;
  code?: CodeRunner;
  /** The Code sandbox when `code` is absent: `isolated` (QuickJS) unless a test asks for `trusted`. */
  codeBackend?: CodeBackend;
  state?: Record<string, unknown>;
  /** What `ctx.credential(slot)` returns, per slot. */
  credentials?: Record<string, ResolvedCredential>;
  /** Also collects the node's log lines here, so a test can read them when the node fails. */
  logs?: string[];
}

const shared: Partial<Record<CodeBackend, CodeRunner>> = {};
const toItem = (x: Json | Item): Item => ('json' in x && typeof x.json === 'object' && x.json !== null ? (x as Item) : { json: x as Json });

/** What one node run gave: its items per output port, apart from what it logged, wrote and kept. */
export interface NodeRunResult {
  outputs: Outputs;
  logs: string[];
  journal: JournalEntry[];
  state: Json;
}

/**
 * Runs one node type outside any flow, for unit tests beside the node. Params are
 * validated (defaults filled) first; a problem fails the test with its path.
 */
export async function runNode(type: NodeType, opts: RunNodeOptions = {}): Promise<NodeRunResult> {
  const { value, problems } = type.validate(opts.params ?? {});
  if (problems.length) throw new Error(`invalid params: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const mainPort = type.inputs[0] ?? 'main';
  const inputs: Record<string, Item[]> = {};
  for (const [port, items] of Object.entries(opts.inputs ?? { [mainPort]: opts.items ?? [] })) inputs[port] = items.map(toItem);
  const logs: string[] = opts.logs ?? [];
  const journal: JournalEntry[] = [];
  const log = (level: string) => (m: string) => logs.push(`${level}: ${m}`);
  const node = standaloneContext(type, {
    id: 'test', mode: 'test', params: value, inputs, state: opts.state, nowMs: Date.UTC(2026, 0, 1),
    log: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    signal: new AbortController().signal, clock: opts.clock ?? virtualClock(),
    code: opts.code ?? (shared[opts.codeBackend ?? 'isolated'] ??= lazyCodeRunner(opts.codeBackend)),
    credential: async (slot) => opts.credentials?.[slot],
    journal: (e) => journal.push({ ...e, runId: 'test', nodeId: 'n', seq: journal.length + 1, at: new Date(0).toISOString() }),
  });
  const outputs = await runWhole(type, node.ctx as never, node.session);
  node.commit();
  return { outputs, logs, journal, state: node.state() };
}

/**
 * A connection of a data-only kind (database, Redis, SMTP, IMAP) as `ctx.credential` resolves
 * it: `fields` as saved, `secrets` given out by `secret(name)` and listed for redaction.
 */
export function staticCredential(type: string, fields: Record<string, unknown>, secrets: Record<string, string> = {}): ResolvedCredential {
  return {
    id: `c_${type}`, type, name: `Test ${type}`, fields,
    apply: async () => { throw new Error(`a ${type} connection does not sign HTTP requests`); },
    secrets: () => Object.values(secrets),
    secret: async (name) => secrets[name],
  };
}
