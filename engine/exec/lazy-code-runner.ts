import type { CodeRunner } from '../sdk/types';

/**
 * The QuickJS sandbox, loaded on first use: a flow without a Code node never pays for
 * the WebAssembly module or its worker thread.
 */
export function lazyCodeRunner(): CodeRunner & { close(): Promise<void> } {
  let loading: Promise<{ runner: CodeRunner; close(): Promise<void> }> | undefined;
  const load = () => (loading ??= import('../sandbox').then((m) => {
    const sandbox = m.createQuickJsSandbox();
    return { runner: m.createCodeRunner(sandbox), close: () => sandbox.close() };
  }));
  return {
    run: async (code, items, opts) => (await load()).runner.run(code, items, opts),
    close: async () => { if (loading) await (await loading).close(); },
  };
}
