import { JunctionError } from '../sdk/errors';

/**
 * Bounds of the worker processes that run flows and previews. A flow file is untrusted:
 * whatever it does (a native call that never returns, a string of gigabytes), the service and
 * its other clients must carry on. These are the numbers behind that promise.
 */

/** V8 heap of one run's process when nothing else is configured. */
export const DEFAULT_RUN_MEMORY_MB = 2048;
/** The range JUNCTION_RUN_MEMORY_MB may choose from. */
export const MIN_RUN_MEMORY_MB = 64;
export const MAX_RUN_MEMORY_MB = 16_384;

/** Wall-clock limit of a run whose flow sets no `settings.timeoutMs`. */
export const DEFAULT_RUN_DEADLINE_MS = 60 * 60 * 1000;
/** A run's process loads the engine and node types before its run starts: far less than this, even on a busy machine. */
export const START_DEADLINE_MS = 60_000;
/**
 * After its deadline or a Cancel, a run gets this long to end by itself (nodes see the abort,
 * history is written as usual) before its process is killed. Cancel must take under 1 s.
 */
export const STOP_GRACE_MS = 500;

/**
 * A run process that ended its run by itself serves the next one (a webhook may start hundreds
 * a second; a new process costs 0.1–0.4 s). After this many runs it is retired and replaced.
 */
export const MAX_RUNS_PER_PROCESS = 200;
/** Idle run processes kept for the next runs; more are ended as their runs finish. */
export const MAX_IDLE_PROCESSES = 2;

/** What one node may output in one run, as estimated JSON text: beyond it the run fails. */
export const MAX_NODE_OUTPUT_BYTES = 256 * 1024 * 1024;

/**
 * The items of one run that go back to the service for paging, previews and "run from here",
 * as estimated JSON. Copying them in blocks the service briefly (about 0.3 s for the 100,000-item
 * benchmark on a busy machine); beyond this, the run keeps only its history samples.
 */
export const MAX_RUN_DATA_BYTES = 128 * 1024 * 1024;

/** A preview or a field-path listing answers within this, or reports that it was stopped. */
export const PREVIEW_DEADLINE_MS = 2000;
/** V8 heap of the preview process: it holds one run's data (as the editor does) plus one evaluation. */
export const PREVIEW_MEMORY_MB = 1024;

/** The heap cap of run processes: JUNCTION_RUN_MEMORY_MB when set, else the default. */
export function runMemoryMb(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.JUNCTION_RUN_MEMORY_MB;
  if (raw === undefined || raw === '') return DEFAULT_RUN_MEMORY_MB;
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < MIN_RUN_MEMORY_MB || mb > MAX_RUN_MEMORY_MB) {
    throw new JunctionError('run.memory-setting', `JUNCTION_RUN_MEMORY_MB must be a whole number of megabytes from ${MIN_RUN_MEMORY_MB} to ${MAX_RUN_MEMORY_MB}, got "${raw}"`);
  }
  return mb;
}

export const formatMb = (mb: number): string => `${Math.round(mb).toLocaleString('en-US')} MB`;

/** Bytes as a person reads them: KB below a megabyte, else MB. */
export const formatBytes = (bytes: number): string =>
  (bytes < 2 ** 20 ? `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB` : formatMb(bytes / 2 ** 20));
