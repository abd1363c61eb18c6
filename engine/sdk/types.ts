import type { HttpClient } from '../http/types';
import type { Field, FieldSpec, Infer, ObjectField, Problem, Shape } from './schema';

/** A reference to binary data kept outside the item's JSON. */
export interface BinaryRef {
  mimeType: string;
  fileName?: string;
  size: number;
  /** Where the bytes are (a path in the run's binary store). */
  ref: string;
}

/** The unit of data that flows between nodes. */
export interface Item {
  json: Record<string, unknown>;
  binary?: Record<string, BinaryRef>;
  /** The item(s) of an earlier node this one was made from; `$('Node').item` follows it. */
  paired?: Item[];
}

export type Outputs = Record<string, Item[]>;

export interface Logger {
  debug(message: string, data?: unknown): void;
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
}

/** Time and waiting, injectable so tests are deterministic. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, rejects with an AbortError when the signal fires. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
}

/** Per-node persisted state (cursors, checkpoints): staged during a run, committed only if the run succeeds. */
export interface NodeState {
  get<T = unknown>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export type WriteOp = 'create' | 'update' | 'delete';

/** One change to an outside system, made through `ctx.write` so it can be rolled back and audited. */
export interface WriteRequest<R> {
  /** The outside system, e.g. `file:/data/customers.json` or `postgres:crm`. */
  system: string;
  /** The record's key in that system. */
  key: string;
  op: WriteOp;
  /** The record as it was before (null when it did not exist): the inverse of the write. */
  before: unknown;
  /** Performs the write; what it returns is the node's result and, as `after`, the journal's. */
  apply: () => Promise<R> | R;
}

export interface JournalEntry {
  runId: string;
  nodeId: string;
  seq: number;
  system: string;
  key: string;
  op: WriteOp;
  before: unknown;
  after: unknown;
  at: string;
}

/**
 * Runs JavaScript in the isolated sandbox: one JSON string in, one out, per batch. A failed run
 * rejects with an error whose `logs` (when present) holds the lines logged before the failure.
 */
export interface CodeRunner {
  /** `logs` are the guest's console lines, each with the level of the console method that wrote it. */
  run(code: string, items: Item[], opts: { timeoutMs: number; memoryMb: number; signal: AbortSignal }): Promise<{ items: Item[]; logs: { level: 'debug' | 'info' | 'warn' | 'error'; message: string }[] }>;
}

/**
 * A connection as a node sees it at run time: it can sign a request and list its secret values
 * (for redaction), never hand them out as fields. Resolved by the engine from the slot's reference.
 */
export interface ResolvedCredential {
  id: string;
  type: string;
  name: string;
  /** Adds the authentication to a request (headers, query parameter, cookie); renews a token ahead of expiry. */
  apply(req: { url: URL; headers: Record<string, string> }): Promise<void>;
  /** The current secret values, for redaction. */
  secrets(): string[];
  /** After a 401: renews the token (OAuth2, JWT) and says whether a retry may help. */
  refresh?(): Promise<boolean>;
  /** Non-secret fields (host, port, user, …). */
  fields: Record<string, unknown>;
  /** Secret fields of data-only kinds (database, SMTP, IMAP password) for client libraries that need them. */
  secret?(name: string): Promise<string | undefined>;
}

export interface NodeInfo {
  id: string;
  name: string;
  type: string;
  version: number;
}

export interface NodeContext<P> {
  readonly node: NodeInfo;
  readonly flow: { id: string; name: string; timezone?: string };
  readonly run: { id: string; mode: 'manual' | 'cli' | 'trigger' | 'test' };
  /** Params resolved against the first item of the main input (or statically when there is none). */
  readonly params: P;
  /** Items of the first input port. */
  readonly items: Item[];
  /** Items per input port. */
  readonly inputs: Readonly<Record<string, Item[]>>;
  /** Each item of a port with its own resolved params; static params are shared, not copied. */
  each(port?: string): Iterable<{ item: Item; index: number; params: P }>;
  /**
   * The params of one item, resolved now: for nodes that route an item whose expression
   * fails (a JunctionError naming the field) instead of failing the whole node.
   */
  paramsFor(item: Item, index: number): P;
  /**
   * The params as written (defaults filled, no expression resolved; an expression field holds
   * its text): for the literal fields a node reads once per run, such as names, modes and operators.
   */
  readonly paramsAsWritten: P;
  /**
   * Reads one field per item, path as keys (`['fields', 0, 'value']`): only the expressions under
   * it are evaluated, so a node resolves what varies per item and nothing else. A field without
   * expressions is returned as is. Throws like `paramsFor` when an expression fails.
   */
  paramReader(path: readonly (string | number)[]): (item: Item, index: number) => unknown;
  /** A new item made from `from`: kept as lineage, and its binary data travels on with it. */
  newItem(json: Record<string, unknown>, from?: Item | Item[]): Item;
  /** A stable string key of an item's fields (or of its whole JSON). */
  keyOf(item: Item, fields?: string[]): string;
  /** Reads a dotted path (`customer.address.city`) from an item's JSON. */
  get(item: Item, path: string): unknown;
  readonly log: Logger;
  readonly signal: AbortSignal;
  readonly clock: Clock;
  readonly state: NodeState;
  write<R>(request: WriteRequest<R>): Promise<R>;
  readonly code: CodeRunner;
  /**
   * The connection the node's slot refers to (undefined when the slot is empty). Fails with a
   * clear error when the connection was deleted or must be reconnected.
   */
  credential(slot: string): Promise<ResolvedCredential | undefined>;
  /**
   * The shared HTTP layer, bound to this run: its cancel signal reaches every request, its clock
   * paces retries and rate limits, and retries are logged here.
   */
  readonly http: HttpClient;
  /** Throws a JunctionError naming this node and, when given, the field. */
  fail(message: string, opts?: { code?: string; path?: string }): never;
}

export interface CredentialSlot { slot: string; types: string[]; optional?: boolean; label?: string }

export type Category = 'trigger' | 'transform' | 'flow' | 'data' | 'code' | 'connector' | 'utility' | 'annotation';

/** The params a node reads: the schema's type with defaults filled. */
export type ParamsOf<S extends Shape> = Exclude<Infer<ObjectField<S>>, undefined>;

export interface NodeDefinition<S extends Shape = Shape> {
  type: string;
  version: number;
  title: string;
  category: Category;
  description: string;
  icon?: string;
  inputs: string[];
  /** Output ports; a function when they depend on params (switch has one per rule). */
  outputs: string[] | ((params: ParamsOf<S>) => string[]);
  /** Names to show for ports whose ids are plain numbers (a Switch rule's output name). */
  outputLabels?: (params: ParamsOf<S>) => Record<string, string>;
  params: ObjectField<S>;
  /** Connection slots the node asks for: the inspector shows a picker per slot. */
  credentials?: CredentialSlot[];
  /** Starts runs; receives the run's initial items as its input. */
  isTrigger?: boolean;
  /** Lives on the canvas only (sticky note); never executed. */
  isEditorOnly?: boolean;
  /** Control nodes the executor drives itself; a loop's params hold a whole `batchSize` ≥ 1. */
  control?: 'loop';
  /** Run as soon as one input has data instead of waiting for all (merge "first"). */
  settle?: (params: ParamsOf<S>) => 'all' | 'first';
  /** Checks the schema cannot express (across fields, patterns, zones); paths like `params.fields[0].name`. */
  check?(params: ParamsOf<S>): Problem[];
  /** Upgrades params of an older version; present on every version after the first. */
  upgrade?: { from: number; params: (old: Record<string, unknown>) => Record<string, unknown> };
  /** Applies the inverse of a journaled write (rollback). */
  revert?(entry: JournalEntry): Promise<void>;
  execute(ctx: NodeContext<ParamsOf<S>>): Promise<Outputs> | Outputs;
}

/** A node type as the engine holds it: its definition plus the plain description of its fields. */
export interface NodeType extends NodeDefinition {
  readonly paramSpec: FieldSpec;
  outputsFor(params: Record<string, unknown>): string[];
  labelsFor(params: Record<string, unknown>): Record<string, string>;
  validate(params: unknown): { value: Record<string, unknown>; problems: Problem[] };
}

export type { Field };
