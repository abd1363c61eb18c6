export { runFlow, type RunOptions, type RunResult } from './run-flow';
export type { EngineEvent, NodeRunStatus, RunMode, RunStatus } from './events';
export { systemClock, virtualClock } from './clock';
export { memoryStateStore, type StateStore } from './state';
export { lazyCodeRunner, type CodeBackend } from './lazy-code-runner';
export { backoffMs, shouldRetry } from './retry';
