/** Imports n8n workflow JSON and runs the flow through the engine, as the CLI would. */
import { validateFlow } from '../../engine/flow';
import { lazyCodeRunner, runFlow, virtualClock } from '../../engine/exec';
import { importFile, type ImportedFlow } from '../../engine/import';
import { builtinRegistry } from '../../engine/registry';

const code = lazyCodeRunner('isolated');
export const closeCode = () => code.close();

type N = { name: string; type: string; typeVersion?: number; parameters?: Record<string, unknown>; [k: string]: unknown };

/** A workflow in n8n's format: nodes plus `A -> B` / `A:1 -> B:0` connection lines (output:input). */
export function n8nWorkflow(nodes: N[], links: string[]): string {
  const connections: Record<string, { main: { node: string; type: string; index: number }[][] }> = {};
  for (const link of links) {
    const [from, to] = link.split('->').map((s) => s.trim());
    const [a, out = '0'] = from.split(/:(?=\d+$)/);
    const [b, input = '0'] = to.split(/:(?=\d+$)/);
    const main = (connections[a] ??= { main: [] }).main;
    while (main.length <= Number(out)) main.push([]);
    main[Number(out)].push({ node: b, type: 'main', index: Number(input) });
  }
  return JSON.stringify({ name: 'fixture', nodes: nodes.map((n, i) => ({ position: [i * 200, 0], typeVersion: 1, parameters: {}, ...n })), connections });
}

export interface ImportedRun { imported: ImportedFlow; out(name: string, port?: string): Record<string, unknown>[] }

/** Imports, checks the flow validates with no problem at all, runs it, and reads node outputs by name. */
export async function importAndRun(text: string): Promise<ImportedRun> {
  const imported = importFile(text).flows[0];
  const { problems, flow } = validateFlow(JSON.parse(JSON.stringify(imported.flow)), builtinRegistry());
  if (problems.length || !flow) throw new Error(`the imported flow has problems: ${JSON.stringify(problems)}`);
  const result = await runFlow(flow, { types: builtinRegistry(), code, clock: virtualClock() });
  if (result.status !== 'success') throw new Error(`the run failed: ${result.error?.message}`);
  const idOf = new Map(flow.nodes.map((n) => [n.name, n.id]));
  return {
    imported,
    out: (name, port = 'main') => (result.outputs.get(idOf.get(name) ?? '')?.[port] ?? []).map((i) => i.json),
  };
}
