import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { allowedEnv, foldNodeSummary, totalItems, type CodeBackend, type EngineEvent, type NodeSummary } from '../exec';
import { builtinRegistry } from '../registry';
import { defaultStorePath, openRunStore, type RunStore } from '../store';
import { createRunHost, type RunHost } from '../worker';
import { cliConnections } from './cli-connections';
import { codeBackendFor } from './code-trust';
import { jsonText } from './json-output';
import { loadFlow, readInput, readText } from './load-flow';
import { createProgress } from './progress';
import { formatTable } from './table';
import type { Terminal } from './terminal';

export interface RunArgs {
  file: string;
  input?: string;
  vars?: string;
  json: boolean;
  history: boolean;
  dataDir?: string;
  /** The flow to run when this one fails; a flow's own `settings.errorFlow` is not followed from a terminal. */
  errorFlow?: string;
  /** Run the flow's Code nodes on the fast backend even when the trust store does not know the file. */
  trust: boolean;
}

/** One node in `--json` output. */
interface NodeLine { id: string; name: string; type: string; status: string; itemsIn: number; itemsOut: number; ports: Record<string, number>; ms: number; runs: number; failedItems?: number; error?: string }

const lineOf = (node: { id: string; name: string; type: string }, s: NodeSummary): NodeLine => ({
  id: node.id, name: node.name, type: node.type, status: s.status, itemsIn: totalItems(s.itemsIn), itemsOut: totalItems(s.itemsOut),
  ports: s.itemsOut, ms: s.durationMs, runs: s.runs,
  ...(s.failedItems ? { failedItems: s.failedItems } : {}), ...(s.error ? { error: s.error.message } : {}),
});

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** "5" for one port; "5 · dropped 2" when items also left through other ports. */
function outCell(ports: Record<string, number>): string | number {
  const [first, ...rest] = Object.entries(ports);
  if (!first) return 0;
  const others = rest.filter(([, n]) => n > 0).map(([p, n]) => `${p} ${n}`);
  return others.length ? `${first[1]} · ${others.join(' · ')}` : first[1];
}

/** `junction run FILE`: one headless run; the exit code says how it ended (0 success, 1 failed). */
export async function runCommand(args: RunArgs, out: Terminal, err: Terminal): Promise<number> {
  const dataPath = args.dataDir ? resolve(args.dataDir, 'junction.db') : defaultStorePath();
  const storePath = args.history ? dataPath : undefined;
  const host = createRunHost({ storePath }); // checks JUNCTION_RUN_MEMORY_MB before anything starts
  host.prewarm(); // the run's process starts while this one loads and checks the flow
  try {
    return await runWith(host, dataPath, storePath, args, out, err);
  } finally {
    host.close(); // a flow that did not load leaves the started process unused
  }
}

async function runWith(host: RunHost, dataPath: string, storePath: string | undefined, args: RunArgs, out: Terminal, err: Terminal): Promise<number> {
  const types = builtinRegistry();
  const file = resolve(args.file);
  const named = loadFlow(file, types);
  const errorFlow = args.errorFlow ? loadFlow(resolve(args.errorFlow), types) : undefined;
  // A downloaded flow must not pick which other file runs next: only the person does, with --error-flow.
  const flow = { ...named, settings: { ...named.settings, errorFlow: errorFlow?.id ?? null } };
  const input = args.input ? readInput(resolve(args.input)) : undefined;
  const vars = args.vars ? (JSON.parse(readText(resolve(args.vars), 'vars file')) as Record<string, unknown>) : {};
  let store: RunStore | undefined;
  // Opened here too (migrations run once, before the run's process opens it) to record a run this process had to stop.
  if (storePath) store = openRunStore(storePath);
  // --trust covers FILE only; an error flow needs its own trust, looked up by its own file.
  const trustOf = (path: string, flowId: string, trustFlag: boolean): CodeBackend => codeBackendFor(path, flowId, { trustFlag, store, storePath: dataPath });
  const codeBackend = trustOf(file, flow.id, args.trust);
  const errorFlowBackend = errorFlow ? trustOf(resolve(args.errorFlow!), errorFlow.id, false) : 'isolated';
  const summaries = new Map<string, NodeSummary>();
  const names = new Map(flow.nodes.map((n) => [n.id, n.name]));
  const logs: string[] = [];
  const runId = randomUUID();
  // From run.started: the seconds a busy machine takes to start the run's process are not the run's.
  let progress: ReturnType<typeof createProgress> | undefined;
  const onEvent = (e: EngineEvent) => {
    if (e.type === 'run.started') progress ??= createProgress(err, flow.nodes.length);
    else if (e.type === 'node.started') progress?.started(e.nodeName);
    else if (e.type === 'node.progress' && e.runId === runId) progress?.progressed(e.nodeId, totalItems(e.itemsOut));
    else if (e.type === 'node.log') logs.push(`${names.get(e.nodeId) ?? 'run'} · ${e.level}: ${e.message}`);
    else if (e.type === 'node.finished' && e.runId === runId) {
      progress?.finished(e.nodeId, totalItems(e.itemsOut));
      summaries.set(e.nodeId, foldNodeSummary(summaries.get(e.nodeId), e));
    }
  };
  const connections = cliConnections(dataPath, [flow, errorFlow], store);
  if ('problem' in connections) {
    store?.close();
    err.write(`${connections.problem}\n`);
    return 1;
  }
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const sinkIds = flow.nodes.filter((n) => !flow.edges.some((e) => e.from.node === n.id)).map((n) => n.id);
    // In a worker process with a heap cap and the flow's deadline: a runaway flow ends with a message and exit code 1.
    const result = await host.run(flow, {
      runId, mode: 'cli', input, vars, env: allowedEnv(), errorFlow, signal: controller.signal, onEvent,
      codeBackend, errorFlowBackend, outputsOf: args.json ? sinkIds : [], record: (e) => store?.record(e), credentials: connections.credentials,
    });
    progress?.done();
    const ordered = flow.nodes.flatMap((n) => { const s = summaries.get(n.id); return s ? [lineOf(n, s)] : []; });
    if (args.json) {
      const sinks = flow.nodes.filter((n) => sinkIds.includes(n.id) && result.outputs.has(n.id));
      const output = Object.fromEntries(sinks.map((n) => [n.name, Object.fromEntries(Object.entries(result.outputs.get(n.id)!).map(([p, items]) => [p, items.map((i) => i.json)]))]));
      // Streamed nodes keep their first items only: say which outputs are such a sample, with the real counts.
      const sampled = result.samples?.size ? { sampled: Object.fromEntries([...result.samples].map(([id, counts]) => [names.get(id) ?? id, counts])) } : {};
      out.write(`${jsonText({ runId: result.runId, status: result.status, durationMs: result.durationMs, failedItems: result.failedItems, error: result.error ?? null, codeBackend, ...(result.peakRssKb ? { runProcessPeakRssMb: Math.round(result.peakRssKb / 1024) } : {}), nodes: ordered, output, ...sampled, logs })}\n`);
    } else {
      out.write(`${formatTable(['node', 'status', 'in', 'out', 'ms'], ordered.map((l) => [l.runs > 1 ? `${l.name} (×${l.runs})` : l.name, l.status, l.itemsIn, outCell(l.ports), l.ms.toFixed(1)]))}\n`);
      for (const l of logs) out.write(`  ${l}\n`);
      const verdict = result.status === 'cancelled' ? 'was cancelled' : result.status !== 'success' ? 'failed'
        : result.failedItems ? `succeeded with ${plural(result.failedItems, 'failed item')} (they left through an unconnected error output)` : 'succeeded';
      out.write(`\nRun ${result.runId} ${verdict} in ${result.durationMs.toFixed(0)} ms${store ? ' (recorded in run history)' : ''}.\n`);
      if (result.error) err.write(`${result.error.node ? `${result.error.node}: ` : ''}${result.error.path ? `${result.error.path}: ` : ''}${result.error.message}\n`);
      if (result.errorFlowRun) out.write(`Error flow ran: ${result.errorFlowRun.status}.\n`);
      else if (result.status === 'failed' && named.settings.errorFlow && !errorFlow) out.write('The flow names an error flow; it runs from a terminal only when given with --error-flow FILE.\n');
    }
    return result.status === 'success' ? 0 : 1;
  } finally {
    process.off('SIGINT', onSigint);
    progress?.done();
    connections.close();
    store?.close();
  }
}
