/**
 * The params every SQL node shares (PostgreSQL, MySQL/MariaDB, SQLite). Names, operations and
 * modes are literal: SQL text and identifiers never come from expressions, so a value from an
 * item can only ever reach the server as a bound parameter.
 */
import { p } from '../../engine/sdk';

const OPERATIONS = ['query', 'select', 'insert', 'update', 'upsert', 'delete'] as const;
const WRITES = ['insert', 'update', 'upsert', 'delete'];
const KEYED = ['update', 'upsert', 'delete'];
const OPERATORS = ['=', '!=', '<', '<=', '>', '>=', 'like', 'in', 'isNull', 'isNotNull'] as const;

export type Operator = (typeof OPERATORS)[number];

export const sqlParams = {
  operation: p.select(OPERATIONS, {
    query: 'Run a query', select: 'Select rows', insert: 'Insert rows', update: 'Update rows by key', upsert: 'Insert or update by key', delete: 'Delete rows by key',
  }).default('insert').literal(),
  sql: p.string().multiline().literal().showWhen({ operation: ['query'] })
    .describe('The statement. Write $1, $2 … (PostgreSQL) or ? (MySQL, SQLite) where a value goes; the values come from "Parameters".'),
  parameters: p.list(p.value()).default([]).showWhen({ operation: ['query'] })
    .describe('The values for the placeholders, in order; expressions are evaluated per item and always sent as bound parameters.'),
  schema: p.string().literal().showWhen({ operation: ['select', ...WRITES] })
    .describe('PostgreSQL schema or MySQL database; empty: the connection\'s default.'),
  table: p.string().literal().showWhen({ operation: ['select', ...WRITES] }),
  columns: p.list(p.string().literal()).default([]).showWhen({ operation: ['select'] }).describe('Columns to read; empty: all.'),
  where: p.list(p.object({
    column: p.string().literal().required(),
    operator: p.select(OPERATORS, { '=': 'equals', '!=': 'differs from', '<': 'less than', '<=': 'at most', '>': 'greater than', '>=': 'at least', like: 'matches (LIKE)', in: 'is one of', isNull: 'is empty', isNotNull: 'is not empty' }).default('=').literal(),
    value: p.value(),
  })).default([]).showWhen({ operation: ['select'] }).describe('All conditions must hold; values are bound as parameters.'),
  orderBy: p.list(p.object({ column: p.string().literal().required(), direction: p.select(['asc', 'desc']).default('asc').literal() }))
    .default([]).showWhen({ operation: ['select'] }),
  limit: p.number().int().min(0).default(0).showWhen({ operation: ['select'] }).describe('The most rows to read; 0: all.'),
  pageSize: p.number().int().min(1).max(50_000).default(5_000).literal().showWhen({ operation: ['select'] })
    .describe('Rows per page read from the server (and per batch passed on).'),
  mapping: p.variant('mode', {
    auto: {},
    columns: { columns: p.list(p.object({ column: p.string().literal().required(), value: p.value() })).default([]) },
  }).default({ mode: 'auto' }).showWhen({ operation: WRITES })
    .describe('auto: each item field goes to the column of the same name. columns: the listed columns, each from an expression.'),
  keyColumns: p.list(p.string().literal()).default([]).showWhen({ operation: [...KEYED, 'insert'] })
    .describe('Columns that identify a row (update, upsert, delete). Insert: used to undo the run later; empty: the table\'s primary key.'),
  batchSize: p.number().int().min(1).max(100_000).default(1_000).literal().showWhen({ operation: WRITES })
    .describe('Rows written per statement.'),
  transaction: p.select(['batch', 'run'], { batch: 'one per batch', run: 'one for the whole run' }).default('batch').literal()
    .describe('Commit after each batch, or once at the end of the run (all or nothing). A failure rolls back what the transaction holds.'),
};

export type SqlParams = {
  operation: (typeof OPERATIONS)[number];
  sql?: string;
  parameters: unknown[];
  schema?: string;
  table?: string;
  columns: string[];
  where: { column: string; operator: Operator; value: unknown }[];
  orderBy: { column: string; direction: 'asc' | 'desc' }[];
  limit: number;
  pageSize: number;
  mapping: { mode: 'auto' } | { mode: 'columns'; columns: { column: string; value: unknown }[] };
  keyColumns: string[];
  batchSize: number;
  transaction: 'batch' | 'run';
};
