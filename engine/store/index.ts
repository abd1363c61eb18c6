/**
 * Run history, node state, the write journal and the audit log, in one SQLite file
 * (better-sqlite3, WAL, versioned migrations). Synchronous by design: each call is one short
 * statement or transaction, cheaper than a hop to a worker.
 */
import { JunctionError } from '../sdk';
import { createAudit } from './audit';
import { createConnections, createSettings } from './connections';
import { createJournal } from './journal';
import { openDatabase } from './open';
import { createQueries } from './queries';
import { createRecorder } from './recorder';
import { recoverCrashed } from './recover';
import { DEFAULT_SAMPLE_BYTES } from './sample';
import { createDeliveryStore } from './deliveries';
import { createState } from './state';
import { createTriggerStore } from './triggers';
import { createTrust } from './trust';
import type { RunStore, RunStoreOptions } from './types';

export type {
  AuditInput, AuditRecord, AuditStore, AuditVerdict, ConnectionRecord, ConnectionStatus, ConnectionStore, SettingsStore, JournalStore, NodeLogLine, NodeRunRecord, PortSample, RunDetail, RunFilter,
  RunStore, RunStoreOptions, RunSummary, StateStore, TrustStore,
} from './types';
export { workspaceKey } from './trust';
export type { TriggerEvent, TriggerKind, TriggerOutcome, TriggerStore } from './triggers';
export type { Delivery, DeliveryStore, NewDelivery } from './deliveries';
export { defaultDataDir, defaultStorePath, STORE_FILE } from './paths';
export { SCHEMA_VERSION } from './migrations';
export { DEFAULT_SAMPLE_BYTES } from './sample';

/**
 * Opens the store at `path` (a file; its folder is created; ':memory:' for a throwaway one),
 * applies migrations and marks runs orphaned by a dead process as crashed.
 * Throws JunctionError 'store.corrupt' for a file that is not a readable database and
 * 'store.too-new' for one written by a newer Junction.
 */
export function openRunStore(path: string, opts: RunStoreOptions = {}): RunStore {
  const sampleBytes = opts.sampleBytes ?? DEFAULT_SAMPLE_BYTES;
  if (!Number.isFinite(sampleBytes) || sampleBytes < 0) {
    throw new JunctionError('store.options', `sampleBytes must be a number of bytes ≥ 0, got ${String(opts.sampleBytes)}.`);
  }
  const db = openDatabase(path);
  const audit = createAudit(db);
  const queries = createQueries(db);
  const store: RunStore = {
    record: createRecorder(db, audit, sampleBytes),
    listRuns: queries.listRuns,
    getRun: queries.getRun,
    recoverCrashed: () => recoverCrashed(db, audit),
    state: createState(db),
    journal: createJournal(db),
    audit,
    trust: createTrust(db),
    connections: createConnections(db),
    settings: createSettings(db),
    triggers: createTriggerStore(db),
    deliveries: createDeliveryStore(db),
    close: () => {
      if (db.open) db.close();
    },
  };
  try {
    store.recoverCrashed();
  } catch (e) {
    db.close();
    throw e;
  }
  return store;
}
