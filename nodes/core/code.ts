import { defineNode, isJunctionError, p } from '../../engine/sdk';

export default defineNode({
  type: 'core.code', version: 1,
  title: 'Code', category: 'code', icon: 'code',
  description: 'Runs your JavaScript once over all items, in an isolated sandbox: return the items to pass on.',
  inputs: ['main'], outputs: ['main'],
  // Collects: the code runs once over all items and may combine them.
  params: p.object({
    code: p.code().default('return items.map((item) => ({ json: { ...item.json } }));').describe(
      'JavaScript (strict mode) run once for all items. `items` (and `$input.all()`) holds them as { json }; return a list of { json } items. '
      + 'console.log lines appear in the run log, also when the code fails. No network, files or Node modules. '
      + 'Flows made here or trusted run on a fast engine; imported flows run in a stricter, slower sandbox until trusted.',
    ),
    timeoutMs: p.number().int().min(100).max(300_000).default(5_000).literal().describe('Stop the code after this many milliseconds.'),
    // 1,000 MB is the most the sandbox grants (its wasm heap must stay under 2 GB); a higher value would be cut silently.
    memoryMb: p.number().int().min(8).max(1_000).default(64).literal().describe('The most memory the code may use, in MB.'),
  }),
  async execute(ctx) {
    const { code, timeoutMs, memoryMb } = ctx.params;
    const input = ctx.items;
    let result: Awaited<ReturnType<typeof ctx.code.run>>;
    try {
      result = await ctx.code.run(code, input, { timeoutMs, memoryMb, signal: ctx.signal });
    } catch (e) {
      // What the code logged before it failed explains the failure: it reaches the node's log too.
      const logs = (e as { logs?: unknown })?.logs;
      if (Array.isArray(logs)) for (const line of logs as { level: 'info' | 'warn' | 'error'; message: string }[]) ctx.log[line.level](line.message);
      // The sandbox reports readable errors (code.error, code.timeout, …); anything else is wrapped.
      if (isJunctionError(e) || (e as Error)?.name === 'AbortError') throw e;
      return ctx.fail(`The code failed: ${(e as Error)?.message ?? String(e)}`, { code: 'code.error' });
    }
    for (const line of result.logs) ctx.log[line.level](line.message);
    const items = result.items;
    // Lineage without asking the author: one input item fathers every output; equal counts pair by position.
    if (input.length === 1 || input.length === items.length) {
      for (let i = 0; i < items.length; i++) {
        const from = input.length === 1 ? input[0] : input[i];
        if (!items[i].paired && items[i] !== from) items[i].paired = [from];
      }
    }
    return { main: items };
  },
});
