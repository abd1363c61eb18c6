import { resolve } from 'node:path';
import type { EngineEvent } from '../exec/events';
import { builtinRegistry } from '../registry';
import { allowedEnv } from '../runner';
import { defaultStorePath, openRunStore, type RunStore } from '../store';
import { createRunHost, type RunHost } from '../worker';
import { flowFinder, loadFlow, readInput, readText } from './load-flow';
import { createProgress } from './progress';
import { formatTable } from './table';

export interface RunArgs {
  file: string;
  input?: string;
  vars?: string;
  json: boolean;
  history: boolean;
  dataDir?: string;
}

interface NodeLine { id: string; name: string; type: string; status: string; itemsIn: number; itemsOut: number; ports: Record<string, number>; ms: number; runs: number; error?: string }

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

/** "5" for one port; "5 · dropped 2" when items also left through other ports. */
function outCell(ports: Record<string, number>): string | number {
  const [first, ...rest] = Object.entries(ports);
  if (!first) return 0;
  const others = rest.filter(([, n]) => n > 0).map(([p, n]) => `${p} ${n}`);
  return others.length ? `${first[1]} · ${others.join(' · ')}` : first[1];
}

/** `junction run FILE`: one headless run; the exit code says how it ended (0 success, 1 failed). */
export async function runCommand(args: RunArgs, out: NodeJS.WriteStream, err: NodeJS.WriteStream): Promise<number> {
  const storePath = args.history ? (args.dataDir ? resolve(args.dataDir, 'junction.db') : defaultStorePath()) : undefined;
  const host = createRunHost({ storePath }); // checks JUNCTION_RUN_MEMORY_MB before anything starts
  host.prewarm(); // the run's process starts while this one loads and checks the flow
  try {
    return await runWith(host, storePath, args, out, err);
  } finally {
    host.close(); // a flow that did not load leaves the started process unused
  }
}

async function runWith(host: RunHost, storePath: string | undefined, args: RunArgs, out: NodeJS.WriteStream, err: NodeJS.WriteStream): Promise<number> {
  const types = builtinRegistry();
  const file = resolve(args.file);
  const flow = loadFlow(file, types);
  const input = args.input ? readInput(resolve(args.input)) : undefined;
  const vars = args.vars ? (JSON.parse(readText(resolve(args.vars), 'vars file')) as Record<string, unknown>) : {};
  let store: RunStore | undefined;
  // Opened here too (migrations run once, before the run's process opens it) to record a run this process had to stop.
  if (storePath) store = openRunStore(storePath);
  const lines = new Map<string, NodeLine>();
  const logs: string[] = [];
  // From run.started: the seconds a busy machine takes to start the run's process are not the run's.
  let progress: ReturnType<typeof createProgress> | undefined;
  const onEvent = (e: EngineEvent) => {
    if (e.type === 'run.started') progress ??= createProgress(err, flow.nodes.length);
    if (e.type === 'node.started') progress?.started(e.nodeName);
    if (e.type === 'node.log') logs.push(`${e.level}: ${e.message}`);
    if (e.type !== 'node.finished') return;
    progress?.finished(e.nodeName, sum(e.itemsOut));
    const line = lines.get(e.nodeId) ?? { id: e.nodeId, name: e.nodeName, type: e.nodeType, status: e.status, itemsIn: 0, itemsOut: 0, ports: {}, ms: 0, runs: 0 };
    line.status = e.status; line.itemsIn += sum(e.itemsIn); line.itemsOut += sum(e.itemsOut);
    for (const [port, n] of Object.entries(e.itemsOut)) line.ports[port] = (line.ports[port] ?? 0) + n;
    line.ms += e.durationMs; line.runs++;
    if (e.error) line.error = e.error.message;
    lines.set(e.nodeId, line);
  };
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const errorFlow = flow.settings.errorFlow ? flowFinder(file, types)(flow.settings.errorFlow) : undefined;
    const sinkIds = flow.nodes.filter((n) => !flow.edges.some((e) => e.from.node === n.id)).map((n) => n.id);
    // In a worker process with a heap cap and the flow's deadline: a runaway flow ends with a message and exit code 1.
    const result = await host.run(flow, {
      mode: 'cli', input, vars, env: allowedEnv(), errorFlow, signal: controller.signal, onEvent,
      outputsOf: args.json ? sinkIds : [], record: (e) => store?.record(e),
    });
    progress?.done();
    const ordered = flow.nodes.map((n) => lines.get(n.id)).filter((l): l is NodeLine => !!l);
    if (args.json) {
      const sinks = flow.nodes.filter((n) => sinkIds.includes(n.id) && result.outputs.has(n.id));
      const output = Object.fromEntries(sinks.map((n) => [n.name, Object.fromEntries(Object.entries(result.outputs.get(n.id)!).map(([p, items]) => [p, items.map((i) => i.json)]))]));
      out.write(`${JSON.stringify({ runId: result.runId, status: result.status, durationMs: result.durationMs, error: result.error ?? null, nodes: ordered, output, logs }, null, 2)}\n`);
    } else {
      out.write(`${formatTable(['node', 'status', 'in', 'out', 'ms'], ordered.map((l) => [l.runs > 1 ? `${l.name} (×${l.runs})` : l.name, l.status, l.itemsIn, outCell(l.ports), l.ms.toFixed(1)]))}\n`);
      for (const l of logs) out.write(`  ${l}\n`);
      const verdict = result.status === 'success' ? 'succeeded' : result.status === 'cancelled' ? 'was cancelled' : 'failed';
      out.write(`\nRun ${result.runId} ${verdict} in ${result.durationMs.toFixed(0)} ms${store ? ' (recorded in run history)' : ''}.\n`);
      if (result.error) err.write(`${result.error.node ? `${result.error.node}: ` : ''}${result.error.path ? `${result.error.path}: ` : ''}${result.error.message}\n`);
      if (result.errorFlowRun) out.write(`Error flow ran: ${result.errorFlowRun.status}.\n`);
    }
    return result.status === 'success' ? 0 : 1;
  } finally {
    process.off('SIGINT', onSigint);
    progress?.done();
    store?.close();
  }
}
