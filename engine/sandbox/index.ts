/**
 * The Code node's sandbox: untrusted JavaScript in QuickJS (WebAssembly) on a worker thread.
 */
export { createQuickJsSandbox } from './quickjs-sandbox';
export { createCodeRunner } from './code-runner';
export type { CodeSandbox, SandboxLimits, SandboxLog } from './types';
