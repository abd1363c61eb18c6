/**
 * The Code node's sandboxes, both on a worker thread: QuickJS (WebAssembly) for any flow, and
 * Hardened JavaScript for flows the person trusts. `createCodeRunner` adapts either to the SDK.
 */
export { createQuickJsSandbox } from './quickjs-sandbox';
export { createSesSandbox } from './ses-sandbox';
export { createCodeRunner } from './code-runner';
export type { CodeSandbox, SandboxLimits, SandboxLog } from './types';
