export { createRunHost, type HostedRunOptions, type HostedRunResult, type RunHost, type RunHostOptions } from './run-host';
export { createPreviewHost, type PreviewHost } from './preview-host';
export type { NodeData, RunOutcome, TypesModule } from './protocol';
export { DEFAULT_RUN_MEMORY_MB, MAX_NODE_OUTPUT_BYTES, PREVIEW_DEADLINE_MS, runMemoryMb } from './limits';
