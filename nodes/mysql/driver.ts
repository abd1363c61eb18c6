/**
 * MySQL and MariaDB through `mysql2`: server-side prepared statements (`execute`), so every
 * value is bound, never written into the SQL; dates come back as the server's text; tables are
 * read from information_schema; the server's error numbers are read into the shared error kinds.
 */
import type mysql from 'mysql2/promise';
import { lazyLibrary } from '../../engine/sdk';
import type { ColumnInfo, Dialect, Driver, ServerError, SqlClient, SqlConnectionSource, TableInfo } from '../sql/types';
import { plainParam } from '../sql/values';

// Loaded on first use: most runs (and every start of the CLI) never reach MySQL.
const mysqlLib = lazyLibrary<typeof import('mysql2/promise')>('mysql2/promise');

const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?$/;

/** An ISO 8601 text for a DATETIME/TIMESTAMP column as MySQL writes it: UTC, space between date and time. */
function mysqlDate(v: string, column: ColumnInfo | undefined): string {
  if (!column || !/^(datetime|timestamp|date)/.test(column.type)) return v;
  const m = ISO.exec(v);
  if (!m) return v;
  if (!m[3]) return `${m[1]} ${m[2]}`;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : d.toISOString().replace('T', ' ').replace('Z', '');
}

export const mysqlDialect: Dialect = {
  engine: 'mysql', title: 'MySQL',
  quote: (name) => mysqlLib().escapeId(name, true),
  placeholder: () => '?',
  maxParams: 65_535,
  upsertTail: (keys, columns) => {
    const q = (c: string) => mysqlLib().escapeId(c, true);
    // No column to change: assigning a key to itself keeps the row and makes the statement valid.
    const set = columns.length ? columns : keys.slice(0, 1);
    return `ON DUPLICATE KEY UPDATE ${set.map((c) => `${q(c)} = VALUES(${q(c)})`).join(', ')}`;
  },
  lockRows: ' FOR UPDATE',
  hasReturning: false,
  toParam(v, column) {
    if (typeof v === 'string') return mysqlDate(v, column);
    if (typeof v === 'boolean') return v ? 1 : 0;
    return plainParam(v);
  },
};

function wrap(conn: mysql.Connection): SqlClient {
  return {
    async query(sql, params) {
      const [result] = await conn.execute(sql, (params ?? []) as mysql.ExecuteValues[]);
      if (Array.isArray(result)) return { rows: result as Record<string, unknown>[], affected: 0 };
      const header = result as mysql.ResultSetHeader;
      return { rows: [], affected: header.affectedRows, insertId: header.insertId || undefined };
    },
    begin: () => conn.beginTransaction(),
    commit: () => conn.commit(),
    rollback: () => conn.rollback(),
    // end() waits for the server's goodbye, which a killed connection never sends: give it a moment, then drop the socket.
    async close() {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<void>((resolve) => { timer = setTimeout(resolve, 1_000); timer.unref?.(); });
      try { await Promise.race([conn.end(), late]); } catch { /* closing anyway */ } finally { clearTimeout(timer); conn.destroy(); }
    },
  };
}

async function connect(source: SqlConnectionSource, label: string): Promise<SqlClient> {
  const f = source.credential!.fields;
  const host = String(f.host ?? '127.0.0.1');
  const port = Number(f.port ?? 3306);
  let conn: mysql.Connection;
  try {
    conn = await mysqlLib().createConnection({
      host, port, database: (f.database as string) || undefined, user: (f.user as string) || undefined,
      password: await source.credential!.secret?.('password'),
      ssl: f.tls ? { rejectUnauthorized: true } : undefined,
      dateStrings: true, supportBigNumbers: true, bigNumberStrings: true, connectTimeout: 15_000,
      connectAttributes: { program_name: label },
    });
  } catch (e) {
    throw Object.assign(new Error(`${(e as Error).message} at ${host}:${port}`), { code: (e as { code?: string }).code, errno: (e as { errno?: number }).errno });
  }
  conn.on('error', () => {}); // a killed connection fails the statement running; the event alone must not end the process
  return wrap(conn);
}

const CONNECTION = new Set(['PROTOCOL_CONNECTION_LOST', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND', 'ER_CONNECTION_KILLED', 'ER_SERVER_SHUTDOWN']);

function explain(e: unknown): ServerError {
  const err = e as { message?: string; code?: string; errno?: number };
  const message = err.message ?? String(e);
  const code = err.code ?? '';
  if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_DBACCESS_DENIED_ERROR') return { kind: 'auth', message };
  if (CONNECTION.has(code) || err.errno === 1927 || err.errno === 2013 || /closed state|Connection lost|connection was killed/i.test(message)) {
    return { kind: 'connection', message };
  }
  const row = /at row (\d+)/.exec(message);
  const column = /for column (?:[`'"][^`'"]*[`'"]\.)*[`'"]([^`'"]+)[`'"]/.exec(message) ?? /^Column '([^']+)'/.exec(message);
  const place = { ...(row ? { row: Number(row[1]) } : {}), ...(column ? { column: column[1] } : {}) };
  if (code === 'ER_NO_SUCH_TABLE') return { kind: 'missingTable', message };
  if (code === 'ER_BAD_FIELD_ERROR') return { kind: 'unknownColumn', message, column: /Unknown column '([^']+)'/.exec(message)?.[1] };
  if (code === 'ER_DUP_ENTRY') {
    const key = /Duplicate entry '(.*)' for key '([^']+)'/.exec(message);
    return { kind: 'unique', message, ...(key ? { keyValues: [key[1]] } : {}) };
  }
  if (code === 'ER_BAD_NULL_ERROR') return { kind: 'notNull', message, ...place };
  if (/^ER_(TRUNCATED_WRONG_VALUE|WARN_DATA_OUT_OF_RANGE|DATA_TOO_LONG|INVALID_JSON|WRONG_VALUE|TRUNCATED)/.test(code) || code === 'WARN_DATA_TRUNCATED') {
    return { kind: 'type', message, ...place };
  }
  return { kind: 'other', message, ...place };
}

async function describe(client: SqlClient, opts: { table?: string; schema?: string }): Promise<TableInfo[]> {
  const { rows } = await client.query(`
    SELECT TABLE_SCHEMA AS s, TABLE_NAME AS t, COLUMN_NAME AS c, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_KEY AS k,
      COLUMN_DEFAULT AS def, EXTRA AS extra
    FROM information_schema.COLUMNS
    WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND (? IS NULL OR TABLE_NAME = ?)
    ORDER BY TABLE_NAME, ORDINAL_POSITION`, [opts.schema ?? null, opts.table ?? null, opts.table ?? null]);
  const tables = new Map<string, TableInfo>();
  for (const r of rows) {
    let t = tables.get(r.t as string);
    if (!t) tables.set(r.t as string, (t = { name: r.t as string, schema: r.s as string, columns: [] }));
    t.columns.push({
      name: r.c as string, type: r.type as string, nullable: r.nullable === 'YES', isKey: r.k === 'PRI',
      hasDefault: r.def !== null || /auto_increment|GENERATED/i.test(String(r.extra)),
    });
  }
  return [...tables.values()];
}

export const mysqlDriver: Driver = {
  dialect: mysqlDialect,
  system: (s) => `mysql:${s.credential?.name ?? 'default'}`,
  connect, explain, describe,
};
