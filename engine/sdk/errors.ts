/**
 * An error a person can act on: a stable code, a sentence, and where it happened.
 * The CLI and the editor print these without a stack trace; anything else is a bug.
 */
export class JunctionError extends Error {
  readonly code: string;
  readonly path?: string;
  readonly node?: string;
  readonly retryable: boolean;
  constructor(code: string, message: string, extra: { path?: string; node?: string; retryable?: boolean; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'JunctionError';
    this.code = code;
    this.path = extra.path;
    this.node = extra.node;
    this.retryable = extra.retryable ?? false;
  }
}

export const isJunctionError = (e: unknown): e is JunctionError => e instanceof JunctionError;

/** The plain shape an error crosses processes and lands in run history as. */
export interface ErrorInfo {
  code: string;
  message: string;
  node?: string;
  path?: string;
}

export function toErrorInfo(e: unknown): ErrorInfo {
  if (isJunctionError(e)) return { code: e.code, message: e.message, ...(e.node ? { node: e.node } : {}), ...(e.path ? { path: e.path } : {}) };
  if (e instanceof Error && e.name === 'AbortError') return { code: 'run.cancelled', message: 'The run was cancelled.' };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'node.failed', message };
}
