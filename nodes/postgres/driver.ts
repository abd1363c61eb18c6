/**
 * PostgreSQL through `pg`: one Client per node run, bulk loads through COPY (pg-copy-streams),
 * tables read from pg_catalog, and the server's SQLSTATE codes read into the shared error kinds.
 * Dates and timestamps come back as PostgreSQL's own text, so a cursor keeps its microseconds
 * and a `timestamp` without zone is never shifted by the machine's time zone.
 */
import type pg from 'pg';
import { lazyLibrary } from '../../engine/sdk';
import type { ColumnInfo, Dialect, Driver, ServerError, SqlClient, SqlConnectionSource, TableInfo } from '../sql/types';
import { plainParam } from '../sql/values';
import { copyLine } from './copy-text';

// Loaded on first use: most runs (and every start of the CLI) never reach PostgreSQL.
const postgres = lazyLibrary<typeof import('pg')>('pg');
const copyStreams = lazyLibrary<typeof import('pg-copy-streams')>('pg-copy-streams');

const RAW_TEXT = new Set([1082, 1114, 1184]); // date, timestamp, timestamptz
const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (RAW_TEXT.has(oid) ? (v: string) => v : postgres().types.getTypeParser(oid, format as 'text')) };

const isJson = (c: ColumnInfo | undefined) => !!c && /^jsonb?$/.test(c.type);
const isArray = (c: ColumnInfo | undefined) => !!c && c.type.endsWith('[]');

export const postgresDialect: Dialect = {
  engine: 'postgres', title: 'PostgreSQL',
  quote: (name) => postgres().escapeIdentifier(name),
  placeholder: (n) => `$${n}`,
  maxParams: 65_535,
  upsertTail: (keys, columns) => `ON CONFLICT (${keys.map(postgres().escapeIdentifier).join(', ')}) ${columns.length
    ? `DO UPDATE SET ${columns.map((c) => `${postgres().escapeIdentifier(c)} = EXCLUDED.${postgres().escapeIdentifier(c)}`).join(', ')}` : 'DO NOTHING'}`,
  lockRows: ' FOR UPDATE',
  hasReturning: true,
  toParam(v, column) {
    if (Array.isArray(v) && isArray(column)) return v;
    if (v !== null && typeof v === 'object' && isJson(column)) return JSON.stringify(v);
    if (isJson(column) && v !== null && v !== undefined && typeof v !== 'string') return JSON.stringify(v); // a number or boolean as JSON
    return plainParam(v);
  },
};

function wrap(client: pg.Client): SqlClient {
  return {
    async query(sql, params) {
      // Without values pg uses the simple protocol, which also takes several statements; the last one's result counts.
      const r = params?.length ? await client.query({ text: sql, values: params as unknown[] }) : await client.query(sql);
      const last = Array.isArray(r) ? r[r.length - 1] : r;
      return { rows: last.rows, affected: last.rowCount ?? 0 };
    },
    begin: async () => { await client.query('BEGIN'); },
    commit: async () => { await client.query('COMMIT'); },
    rollback: async () => { await client.query('ROLLBACK'); },
    close: () => client.end(),
    async copyRows(table, columns, rows) {
      const stream = client.query(copyStreams().from(`COPY ${table} (${columns.map(postgres().escapeIdentifier).join(', ')}) FROM STDIN`));
      const done = new Promise<void>((resolve, reject) => { stream.on('finish', resolve); stream.on('error', reject); });
      let text = '';
      for (const row of rows) text += copyLine(row);
      stream.end(text);
      await done;
    },
  };
}

async function connect(source: SqlConnectionSource, label: string): Promise<SqlClient> {
  const f = source.credential!.fields;
  const host = String(f.host ?? '127.0.0.1');
  const port = Number(f.port ?? 5432);
  const client = new (postgres().Client)({
    host, port, database: (f.database as string) || undefined, user: (f.user as string) || undefined,
    password: await source.credential!.secret?.('password'),
    ssl: f.tls ? { rejectUnauthorized: true } : false,
    application_name: label, connectionTimeoutMillis: 15_000, types,
  });
  // A server that ends the session (restart, pg_terminate_backend) fails the statement running;
  // without a listener the same event would also end the process.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (e) {
    throw Object.assign(new Error(`${(e as Error).message} at ${host}:${port}`), { code: (e as { code?: string }).code });
  }
  return wrap(client);
}

const CONNECTION_CODES = new Set(['57P01', '57P02', '57P03', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND']);

function explain(e: unknown): ServerError {
  const err = e as { message?: string; code?: string; column?: string; detail?: string; where?: string };
  const message = err.message ?? String(e);
  const code = err.code ?? '';
  if (code === '28P01' || code === '28000') return { kind: 'auth', message };
  if (CONNECTION_CODES.has(code) || code.startsWith('08') || /Connection terminated|connection error|not queryable|terminating connection/i.test(message)) {
    return { kind: 'connection', message };
  }
  // COPY names the line and the column of a value the column's type rejects.
  const copy = /COPY [^,]+, line (\d+)(?:, column ([^:]+))?/.exec(err.where ?? '');
  const place: { row?: number; column?: string } = copy ? { row: Number(copy[1]), ...(copy[2] ? { column: copy[2] } : {}) } : {};
  if (code === '42P01') return { kind: 'missingTable', message };
  if (code === '42703') return { kind: 'unknownColumn', message, column: /column "([^"]+)"/.exec(message)?.[1] };
  if (code === '23505') {
    const key = /Key (\(.*\))=\((.*)\) already exists/.exec(err.detail ?? '');
    return { kind: 'unique', message, ...place, ...(key ? { key: `${key[1]}=(${key[2]})`, keyValues: key[2].split(', ') } : {}) };
  }
  if (code === '23502') return { kind: 'notNull', message, ...place, column: err.column ?? place.column };
  if (code.startsWith('22') || code === '42804') return { kind: 'type', message, ...place };
  if (code === '21000') return { kind: 'other', message: `${message} (two items in one batch have the same key)` };
  return { kind: 'other', message, ...place };
}

async function describe(client: SqlClient, opts: { table?: string; schema?: string }): Promise<TableInfo[]> {
  const { rows } = await client.query(`
    SELECT n.nspname AS schema, c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
      NOT a.attnotnull AS nullable, (a.atthasdef OR a.attidentity <> '') AS has_default, COALESCE(a.attnum = ANY(i.indkey), false) AS is_key
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname = COALESCE($1, current_schema()) AND ($2::text IS NULL OR c.relname = $2)
    ORDER BY c.relname, a.attnum`, [opts.schema ?? null, opts.table ?? null]);
  const tables = new Map<string, TableInfo>();
  for (const r of rows) {
    let t = tables.get(r.table as string);
    if (!t) tables.set(r.table as string, (t = { name: r.table as string, schema: r.schema as string, columns: [] }));
    t.columns.push({ name: r.column as string, type: r.type as string, nullable: !!r.nullable, isKey: !!r.is_key, hasDefault: !!r.has_default });
  }
  return [...tables.values()];
}

export const postgresDriver: Driver = {
  dialect: postgresDialect,
  system: (s) => `postgres:${s.credential?.name ?? 'default'}`,
  connect, explain, describe,
};
