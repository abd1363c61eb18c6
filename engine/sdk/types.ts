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

/** Where a run keeps binary data (files read, attachments, downloads), outside the items' JSON. */
export interface BinaryStore {
  /** Keeps bytes (or a stream of them, written as it arrives) and returns the reference an item holds. */
  put(data: Uint8Array | AsyncIterable<Uint8Array>, meta: { mimeType: string; fileName?: string }): Promise<BinaryRef>;
  /** The bytes (a Node Buffer at run time). */
  read(ref: BinaryRef): Promise<Uint8Array>;
  stream(ref: BinaryRef): AsyncIterable<Uint8Array>;
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

/**
 * What one node run keeps across the batches of a streamed run (a database transaction, an
 * open file). In a run that does not stream, the node runs as one batch.
 */
export interface NodeSession {
  get<T = unknown>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  /**
   * Called once after the node's last batch, or when the node or run fails or is cancelled,
   * latest registered first: commit or roll back, close what was opened.
   */
  onEnd(fn: (outcome: 'success' | 'failed' | 'cancelled') => Promise<void> | void): void;
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
  /** The run's binary data: `put` what a node reads or receives, `read` what an item refers to. */
  readonly binary: BinaryStore;
  /** Lives for the node's whole run, across every batch a stream brings it. */
  readonly session: NodeSession;
  /** Throws a JunctionError naming this node and, when given, the field. */
  fail(message: string, opts?: { code?: string; path?: string }): never;
}

/**
 * What an event trigger's `listen` receives. It runs in the engine's own process while the flow
 * is active (not inside a run), so it gets the params as written (defaults filled) and no items.
 */
export interface TriggerContext<P> {
  readonly node: NodeInfo;
  readonly flow: { id: string; name: string };
  readonly params: P;
  credential(slot: string): Promise<ResolvedCredential | undefined>;
  /** Aborted when the flow is deactivated or the engine stops. */
  readonly signal: AbortSignal;
  readonly log: Logger;
}

/** What a node reaches outside a run (rollback, the schema browser): the connection its slot refers to. */
export interface NodeAccess {
  credential(slot: string): Promise<ResolvedCredential | undefined>;
}

/** A database's tables and columns as the schema browser shows them. */
export interface DatabaseSchema {
  tables: { name: string; schema?: string; columns: { name: string; type: string; nullable: boolean; isKey: boolean }[] }[];
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
  /**
   * A polling trigger: while the flow is active, a run starts every `intervalSeconds(params)`.
   * Its `execute` reads the cursor from `ctx.state` (committed only when the run succeeds) and
   * returns what is new; a poll that finds nothing leaves no run in history.
   */
  poll?: { intervalSeconds(params: ParamsOf<S>): number };
  /**
   * An event trigger (a subscription, a watched folder): started when the flow is activated;
   * each `emit` starts one run whose trigger node receives those items as its input. Resolves
   * to the function that stops listening.
   */
  listen?(ctx: TriggerContext<ParamsOf<S>>, emit: (items: Record<string, unknown>[]) => void): Promise<() => Promise<void>>;
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
  /**
   * Applies the inverse of a journaled write (rollback). `access` reaches the connection the
   * writing node's slot refers to (a database node must reconnect to undo its rows).
   */
  revert?(entry: JournalEntry, access: NodeAccess): Promise<void>;
  /**
   * Tables and columns of the database the node reaches (with the params as written and its
   * connection): the editor's schema browser and column pickers read it.
   */
  describeSchema?(access: NodeAccess & { params: Record<string, unknown> }): Promise<DatabaseSchema>;
  /**
   * 'item': the output for a batch of items depends only on those items (Edit Fields, Filter, a
   * database writer), so a streamed run calls `execute` once per batch as it arrives. Absent:
   * the node needs all of its input at once (Sort, Aggregate) and a stream is collected first.
   * Per batch, `ctx.items` is that batch, `$index` counts from the stream's start, and a failed
   * batch is retried alone (engine/exec/stream-node.ts says how retry, timeout and onError apply).
   */
  batching?: 'item';
  /**
   * A source that yields its output in batches (a file reader, a paged query): a streamed run
   * pushes each batch through the 'item' nodes after it before asking for the next. Where the
   * run cannot stream, the batches are collected and the node behaves as if `execute` returned them.
   */
  stream?(ctx: NodeContext<ParamsOf<S>>): AsyncIterable<Outputs>;
  /**
   * After the last batch ('item' nodes and sources): what goes out after the batches' items
   * (a writer's summary). Runs once per node run, streamed or not. In a streamed run its
   * context holds no items: keep what it needs (counts, handles) in `ctx.session`.
   */
  finish?(ctx: NodeContext<ParamsOf<S>>): Promise<Outputs | void> | Outputs | void;
  /** Required unless the node has `stream`. */
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
