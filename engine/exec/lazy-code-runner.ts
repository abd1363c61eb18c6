import type { CodeRunner } from '../sdk/types';

/**
 * Which sandbox runs a flow's Code nodes: `isolated` (QuickJS in WebAssembly) for any flow,
 * `trusted` (Hardened JavaScript on V8, 3–4× faster) only for flows the person trusts.
 */
export type CodeBackend = 'trusted' | 'isolated';

/**
 * One Code backend, loaded on first use: a flow without a Code node never pays for the
 * sandbox module or its worker.
 */
export function lazyCodeRunner(backend: CodeBackend = 'isolated'): CodeRunner & { warm(memoryMb: number): void; close(): Promise<void> } {
  let loading: Promise<{ runner: CodeRunner; sandbox: { warm(memoryMb: number): void; close(): Promise<void> } }> | undefined;
  const load = () => (loading ??= import('../sandbox').then((m) => {
    const sandbox = backend === 'trusted' ? m.createSesSandbox() : m.createQuickJsSandbox();
    return { runner: m.createCodeRunner(sandbox), sandbox };
  }));
  return {
    run: async (code, items, opts) => (await load()).runner.run(code, items, opts),
    /** Starts the sandbox now, so a run that will need it does not wait for it at its first Code node. */
    warm: (memoryMb) => { void load().then((l) => l.sandbox.warm(memoryMb)); },
    close: async () => { if (loading) await (await loading).sandbox.close(); },
  };
}
