/** Limits of one Code node run; `timeoutMs` counts from when the warm sandbox starts the run. */
export interface SandboxLimits {
  timeoutMs: number;
  memoryMb: number;
  signal?: AbortSignal;
}

export interface SandboxLog {
  level: 'info' | 'warn' | 'error';
  message: string;
}

/**
 * Runs untrusted JavaScript on one batch: one JSON string in, one out. A run that fails rejects
 * with a JunctionError that carries `logs: SandboxLog[]` when the code logged before failing.
 */
export interface CodeSandbox {
  run(code: string, itemsJson: string, limits: SandboxLimits): Promise<{ resultJson: string; logs: SandboxLog[] }>;
  /** Starts the sandbox for runs limited to `memoryMb` ahead of the first run, when none is running yet. */
  warm(memoryMb: number): void;
  close(): Promise<void>;
}

/** What a backend's worker answers for one run (see quickjs-worker.mjs and ses-worker.mjs). */
export interface WorkerReply {
  id: number;
  ok: boolean;
  resultJson?: string;
  /** The result was written to the request's `resultFile` instead (see result-file.ts). */
  resultInFile?: boolean;
  logs?: SandboxLog[];
  error?: { code: string; message: string; line?: number };
  /** The run ended in a way that may leave the worker inconsistent (a QuickJS heap after a fault): discard it. */
  fault?: boolean;
}

export interface WorkerRequest {
  code: string;
  itemsJson: string;
  memoryMb: number;
  /** Epoch milliseconds; QuickJS's interrupt handler stops the guest at this time (the host ends the trusted backend's process). */
  deadline: number;
  /** Where a process backend may write a large result instead of sending it (see result-file.ts). */
  resultFile?: string;
}
