/**
 * What the shared SQL code needs from a driver (pg, mysql2, better-sqlite3): one connection
 * that runs statements with bound parameters and transactions, the dialect's rules for
 * identifiers and placeholders, and a description of tables for checks and the schema browser.
 */
import type { NodeContext, ResolvedCredential } from '../../engine/sdk';

export type Row = Record<string, unknown>;

export interface QueryResult {
  rows: Row[];
  /** Rows the statement changed (insert, update, delete), as the server counts them. */
  affected: number;
  /** MySQL: the first auto-increment id an INSERT made. */
  insertId?: number;
}

/** One open connection. Statements run in order; one at a time. */
export interface SqlClient {
  query(sql: string, params?: readonly unknown[]): Promise<QueryResult>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
  /**
   * Bulk load of rows into a table (PostgreSQL COPY). Absent: multi-row INSERT statements are used.
   * Values are already converted for the column types.
   */
  copyRows?(table: string, columns: string[], rows: unknown[][]): Promise<void>;
}

export interface ColumnInfo {
  name: string;
  /** The server's own type name (integer, varchar(40), jsonb, TEXT, …). */
  type: string;
  nullable: boolean;
  isKey: boolean;
  /** Filled by the server when left out (serial, auto increment, DEFAULT). */
  hasDefault: boolean;
}

export interface TableInfo {
  name: string;
  schema?: string;
  columns: ColumnInfo[];
}

/** The fields the schema browser returns: tables with their columns. */
export interface DbSchema {
  tables: { name: string; schema?: string; columns: { name: string; type: string; nullable: boolean; isKey: boolean }[] }[];
}

export interface Dialect {
  /** The journal's system prefix and the word used in messages. */
  engine: 'postgres' | 'mysql' | 'sqlite';
  title: string;
  /** Quotes one identifier by the driver's rules. */
  quote(name: string): string;
  /** The placeholder of the n-th bound value (1-based). */
  placeholder(n: number): string;
  /** The most values one statement may bind. */
  maxParams: number;
  /** Rows per INSERT statement when fewer than the parameter limit allows (SQLite: 1). */
  rowsPerStatement?: number;
  /** How an upsert resolves a conflict on `keys`, updating `columns` from the incoming row. */
  upsertTail(keys: string[], columns: string[]): string;
  /** Locks the rows a SELECT reads, up to the end of the transaction (empty where the whole database is locked). */
  lockRows: string;
  /** Whether INSERT … RETURNING gives generated keys back. */
  hasReturning: boolean;
  /** A value converted for binding into a column of this type. */
  toParam(value: unknown, column: ColumnInfo | undefined): unknown;
}

/** Where the shared code learns what the server said went wrong. */
export interface ServerError {
  /** The server's own message, without a stack. */
  message: string;
  kind: 'connection' | 'auth' | 'missingTable' | 'unknownColumn' | 'type' | 'unique' | 'notNull' | 'other';
  /** Column named by the server, when it said one. */
  column?: string;
  /** 1-based row within the statement or COPY, when the server said one. */
  row?: number;
  /** A unique violation's key as the server printed it (`(id)=(5)`, `'5' for key 'PRIMARY'`). */
  key?: string;
  /** The violated key's values, one string per key column, when the server's message has them in order. */
  keyValues?: string[];
}

export interface Driver {
  dialect: Dialect;
  /** Where a connection goes, for messages and the journal (`postgres:crm`, `sqlite:/data/app.db`). */
  system(ctx: SqlConnectionSource): string;
  /** Opens one connection; `label` is shown in the server's session list (PostgreSQL application_name). */
  connect(source: SqlConnectionSource, label: string): Promise<SqlClient>;
  /** Reads the server's error into its parts. */
  explain(error: unknown): ServerError;
  /** Tables and columns (one table when `table` is given); `schema` narrows to one schema/database. */
  describe(client: SqlClient, opts: { table?: string; schema?: string }): Promise<TableInfo[]>;
}

/** What a connection is made from: the node's database connection, or a file path (SQLite). */
export interface SqlConnectionSource {
  credential?: ResolvedCredential;
  path?: string;
  nodeName: string;
}

export type AnyContext = NodeContext<Record<string, unknown>>;
