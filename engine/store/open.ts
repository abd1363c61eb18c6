import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { JunctionError, isJunctionError } from '../sdk';
import { migrate } from './migrations';

/** Waits this long for another process's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/** Codes that mean the file is not a usable SQLite database (as opposed to a bug in a query). */
const UNREADABLE = ['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN', 'SQLITE_IOERR'];

/**
 * Opens (creating when absent) the database at `path`, sets the pragmas and applies migrations.
 * A file that is not a database, or cannot be read, becomes a JunctionError 'store.corrupt'.
 */
export function openDatabase(path: string): Database.Database {
  const inMemory = path === ':memory:';
  if (!inMemory) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (e) {
      throw new JunctionError('store.unwritable', `Cannot create the data folder ${dirname(path)}: ${(e as Error).message}`, { path: dirname(path) });
    }
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    // Reading the header is the first thing that fails on a file that is not SQLite.
    db.pragma('schema_version', { simple: true });
    // WAL lets readers (the editor's run list) go on while a run writes; NORMAL skips the
    // fsync per commit, which WAL makes safe against corruption (a power cut may lose the last commits).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    migrate(db, path);
    return db;
  } catch (e) {
    db?.close();
    if (isJunctionError(e)) throw e;
    throw asStoreError(e, path);
  }
}

function asStoreError(e: unknown, path: string): unknown {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string' || !UNREADABLE.some((c) => code.startsWith(c))) return e;
  const reason = (e as Error).message;
  return new JunctionError(
    'store.corrupt',
    `The run history at ${path} cannot be read (${reason}). Move the file aside to start a fresh history, or set JUNCTION_DATA_DIR to another folder.`,
    { path, cause: e },
  );
}
