import type Database from 'better-sqlite3';
import { JunctionError } from '../sdk';

export interface Migration {
  /** 1-based; `PRAGMA user_version` holds the last one applied. */
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema, as ordered steps. Never edit a released step: append a new one.
 * Timestamps are ISO-8601 UTC strings (they sort as text); JSON columns hold JSON text.
 */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'runs, node runs, node state, journal, audit',
    sql: `
      CREATE TABLE runs (
        id            TEXT PRIMARY KEY,
        flow_id       TEXT NOT NULL,
        flow_name     TEXT NOT NULL,
        "trigger"     TEXT NOT NULL,
        mode          TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('running', 'success', 'failed', 'cancelled', 'crashed')),
        started_at    TEXT NOT NULL,
        finished_at   TEXT,
        duration_ms   INTEGER,
        items_out     INTEGER,
        error_code    TEXT,
        error_message TEXT,
        error_node    TEXT,
        error_path    TEXT,
        pid           INTEGER,
        host          TEXT
      );
      CREATE INDEX runs_by_start ON runs (started_at DESC);
      CREATE INDEX runs_by_flow ON runs (flow_id, started_at DESC);
      CREATE INDEX runs_by_status ON runs (status, started_at DESC);

      CREATE TABLE node_runs (
        id          INTEGER PRIMARY KEY,
        run_id      TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        node_id     TEXT NOT NULL,
        node_name   TEXT NOT NULL,
        node_type   TEXT NOT NULL,
        iteration   INTEGER NOT NULL DEFAULT 0,
        status      TEXT NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 1,
        started_at  TEXT,
        finished_at TEXT NOT NULL,
        duration_ms INTEGER NOT NULL,
        items_in    TEXT NOT NULL,
        items_out   TEXT NOT NULL,
        error       TEXT,
        sample_in   TEXT NOT NULL,
        sample_out  TEXT NOT NULL
      );
      CREATE INDEX node_runs_by_run ON node_runs (run_id, id);

      CREATE TABLE node_state (
        flow_id    TEXT NOT NULL,
        node_id    TEXT NOT NULL,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (flow_id, node_id)
      ) WITHOUT ROWID;

      -- No foreign key to runs: the journal must outlive pruned run history (rollback, audit).
      CREATE TABLE journal (
        id     INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL,
        node_id TEXT NOT NULL,
        seq    INTEGER NOT NULL,
        system TEXT NOT NULL,
        key    TEXT NOT NULL,
        op     TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
        before TEXT,
        after  TEXT,
        at     TEXT NOT NULL
      );
      CREATE INDEX journal_by_run ON journal (run_id, seq, id);
      CREATE INDEX journal_by_record ON journal (system, key);

      CREATE TABLE audit (
        seq       INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        target    TEXT NOT NULL,
        detail    TEXT,
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL
      );
      CREATE INDEX audit_by_target ON audit (target);
      -- Append-only: casual edits fail loudly; deliberate ones (dropping these) break the hash chain.
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'failed items, node run logs, flow snapshots',
    sql: `
      ALTER TABLE runs ADD COLUMN failed_items INTEGER;
      ALTER TABLE runs ADD COLUMN flow_hash TEXT;
      ALTER TABLE node_runs ADD COLUMN failed_items INTEGER;
      -- JSON list of { level, message }, capped per node run (see recorder.ts); NULL when it logged nothing.
      ALTER TABLE node_runs ADD COLUMN logs TEXT;

      -- The flow as it ran, once per distinct content (SHA-256 of its canonical text): most runs of a flow share one row.
      CREATE TABLE flow_snapshots (
        hash       TEXT PRIMARY KEY,
        flow       TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'trusted flows',
    sql: `
      -- Flows whose Code nodes may run on the fast backend: created here, or trusted by the person.
      -- Kept here, never in the flow file, so a flow cannot trust itself. Keyed by the workspace
      -- folder too: a flow id travels in every exported file, so an id alone proves nothing.
      CREATE TABLE trusted_flows (
        workspace  TEXT NOT NULL,
        flow_id    TEXT NOT NULL,
        reason     TEXT NOT NULL CHECK (reason IN ('created', 'trusted')),
        trusted_at TEXT NOT NULL,
        PRIMARY KEY (workspace, flow_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    name: 'connections and settings',
    sql: `
      -- Connection metadata only: secret values live in the OS keychain (or the opted-in encrypted
      -- file), keyed by the connection id. The fields column holds the non-secret fields as JSON.
      CREATE TABLE connections (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        type          TEXT NOT NULL,
        fields        TEXT NOT NULL,
        secret_names  TEXT NOT NULL,
        status        TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'reconnect', 'untested')),
        status_detail TEXT,
        expires_at    TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) WITHOUT ROWID;

      -- Small app-wide choices (which secret store to use), one row per key, JSON values.
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    name: 'active flows, trigger history, outgoing deliveries and dead letters',
    sql: `
      -- Flows whose triggers are live while a service or 'junction start' runs, per workspace folder.
      CREATE TABLE active_flows (
        workspace    TEXT NOT NULL,
        flow_id      TEXT NOT NULL,
        activated_at TEXT NOT NULL,
        PRIMARY KEY (workspace, flow_id)
      ) WITHOUT ROWID;

      -- Every firing and every call a trigger refused (a bad signature is recorded, never run).
      CREATE TABLE trigger_events (
        seq       INTEGER PRIMARY KEY,
        flow_id   TEXT NOT NULL,
        node_id   TEXT NOT NULL,
        kind      TEXT NOT NULL CHECK (kind IN ('schedule', 'webhook', 'poll', 'event')),
        at        TEXT NOT NULL,
        outcome   TEXT NOT NULL CHECK (outcome IN ('started', 'queued', 'skipped', 'rejected')),
        status    INTEGER,
        run_id    TEXT,
        detail    TEXT
      );
      CREATE INDEX trigger_events_flow ON trigger_events (flow_id, seq);

      -- Outgoing webhook deliveries: pending ones survive a restart; 'dead' ones are the dead-letter list.
      CREATE TABLE deliveries (
        id           TEXT PRIMARY KEY,
        flow_id      TEXT NOT NULL,
        run_id       TEXT NOT NULL,
        node_id      TEXT NOT NULL,
        url          TEXT NOT NULL,
        headers      TEXT NOT NULL,
        body         TEXT NOT NULL,
        secret_env   TEXT,
        attempts     INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL,
        next_at      INTEGER NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
        last_error   TEXT,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      );
      CREATE INDEX deliveries_due ON deliveries (status, next_at);
    `,
  },
];

/** The newest step's number (steps may skip a number that another branch holds). */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/** Applies the pending steps, each in its own write transaction; refuses a database from a newer Junction. */
export function migrate(db: Database.Database, path: string, steps: Migration[] = MIGRATIONS): number {
  const latest = Math.max(0, ...steps.map((s) => s.version));
  const current = () => db.pragma('user_version', { simple: true }) as number;
  const refuseIfNewer = (version: number) => {
    if (version > latest) {
      throw new JunctionError(
        'store.too-new',
        `The run history at ${path} was written by a newer version of Junction (schema ${version}; this version knows up to ${latest}). Update Junction, or set JUNCTION_DATA_DIR to another folder.`,
        { path },
      );
    }
  };
  refuseIfNewer(current());
  for (const step of steps) {
    if (current() >= step.version) continue; // the common case: nothing to do, no write lock taken
    // IMMEDIATE takes the write lock first, so two processes opening at once cannot apply a step twice.
    db.transaction(() => {
      const version = current();
      refuseIfNewer(version);
      if (version >= step.version) return;
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
  return current();
}
