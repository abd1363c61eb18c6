/**
 * SQLite files through better-sqlite3. Statements are prepared once and cached; rows are written
 * one statement each (in-process, that costs microseconds, and an error then names its item).
 * The file must exist: a mistyped path is reported, not created empty.
 */
import Database from 'better-sqlite3';
import type { Dialect, Driver, ServerError, SqlClient, SqlConnectionSource, TableInfo } from '../sql/types';
import { plainParam } from '../sql/values';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export const sqliteDialect: Dialect = {
  engine: 'sqlite', title: 'SQLite',
  quote,
  placeholder: () => '?',
  maxParams: 32_766,
  rowsPerStatement: 1,
  upsertTail: (keys, columns) => `ON CONFLICT (${keys.map(quote).join(', ')}) ${columns.length
    ? `DO UPDATE SET ${columns.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}` : 'DO NOTHING'}`,
  lockRows: '', // a write transaction (BEGIN IMMEDIATE) already holds the whole file
  hasReturning: true,
  toParam(v) {
    if (typeof v === 'boolean') return v ? 1 : 0;
    return plainParam(v);
  },
};

const CACHE = 200;

function wrap(db: Database.Database): SqlClient {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      if (statements.size >= CACHE) statements.delete(statements.keys().next().value!);
      statements.set(sql, (s = db.prepare(sql)));
    }
    return s;
  };
  return {
    async query(sql, params = []) {
      const s = prepare(sql);
      if (s.reader) return { rows: s.all(...params) as Record<string, unknown>[], affected: 0 };
      const r = s.run(...params);
      return { rows: [], affected: r.changes };
    },
    begin: async () => { db.exec('BEGIN IMMEDIATE'); },
    commit: async () => { db.exec('COMMIT'); },
    rollback: async () => { if (db.inTransaction) db.exec('ROLLBACK'); },
    close: async () => { db.close(); },
  };
}

async function connect(source: SqlConnectionSource): Promise<SqlClient> {
  let db: Database.Database;
  try { db = new Database(source.path!, { fileMustExist: true }); } catch (e) {
    throw Object.assign(new Error(`cannot open the SQLite file ${source.path}: ${(e as Error).message}`), { code: (e as { code?: string }).code });
  }
  db.pragma('busy_timeout = 5000');
  return wrap(db);
}

function explain(e: unknown): ServerError {
  const err = e as { message?: string; code?: string };
  const message = err.message ?? String(e);
  const code = err.code ?? '';
  const named = /(?:failed|column): (?:[^.\s]+\.)?([^\s,]+)/.exec(message)?.[1] ?? / column (?:[^.\s]+\.)?(\S+)$/.exec(message)?.[1];
  if (/^no such table/.test(message)) return { kind: 'missingTable', message };
  if (/has no column named|no such column/.test(message)) return { kind: 'unknownColumn', message, column: /(?:named|column:) (\S+)/.exec(message)?.[1] };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return { kind: 'unique', message, column: named };
  if (code === 'SQLITE_CONSTRAINT_NOTNULL') return { kind: 'notNull', message, column: named };
  if (code === 'SQLITE_CONSTRAINT_DATATYPE' || code === 'SQLITE_MISMATCH') return { kind: 'type', message, column: named };
  return { kind: 'other', message };
}

async function describe(client: SqlClient, opts: { table?: string; schema?: string }): Promise<TableInfo[]> {
  const schema = opts.schema || 'main';
  const { rows: tables } = await client.query(
    `SELECT name FROM ${quote(schema)}.sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND (? IS NULL OR name = ?) ORDER BY name`,
    [opts.table ?? null, opts.table ?? null],
  );
  const out: TableInfo[] = [];
  for (const t of tables) {
    const { rows } = await client.query('SELECT name, type, "notnull" AS nn, dflt_value AS def, pk FROM pragma_table_info(?, ?)', [t.name, schema]);
    out.push({
      name: t.name as string,
      columns: rows.map((r) => ({ name: r.name as string, type: (r.type as string) || 'ANY', nullable: !r.nn, isKey: Number(r.pk) > 0, hasDefault: r.def !== null })),
    });
  }
  return out;
}

export const sqliteDriver: Driver = {
  dialect: sqliteDialect,
  system: (s) => `sqlite:${s.path}`,
  connect, explain, describe,
};
