// `npm run bench`: prints figures against the targets in bench/README.md. Not a test:
// nothing here passes or fails; the numbers go into notes and the README.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../build/bundle.mjs';
import { codeBackendFigures } from './code-backends.mjs';
import { noopChain, pipelineFlow, triggerOnlyFlow } from './pipeline-flow.mjs';
import { streamFigures } from './stream.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'junction-bench-'));
const bin = join(root, 'bin/junction.mjs');
const peak = join(root, 'bench/peak-rss.mjs');
const runs = Number(process.env.BENCH_RUNS ?? 3);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 1 ? `${ms.toFixed(0)} ms` : `${(ms * 1000).toFixed(0)} µs`);

/** One whole `junction run` process: wall time from spawn to exit, its peak RSS and per-node times. */
function runProcess(flow, extraArgs = []) {
  const file = join(tmp, `${flow.id}.flow.json`);
  const dataDir = join(tmp, 'data');
  writeFileSync(file, JSON.stringify(flow));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', peak, bin, 'run', file, '--json', '--data-dir', dataDir, ...extraArgs], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`benchmark run failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout);
  // Runs execute in a child process: the figure is the larger of the CLI's and the run's own peak.
  const rss = Math.max(JSON.parse(/JUNCTION_BENCH (.*)/.exec(r.stderr)[1]).maxRssKb / 1024, out.runProcessPeakRssMb ?? 0);
  return { wallMs, rssMb: rss, runMs: out.durationMs, nodes: out.nodes, codeBackend: out.codeBackend, file, dataDir };
}

function series(label, flow, n = runs) {
  const results = Array.from({ length: n }, () => runProcess(flow));
  const wall = results.map((r) => r.wallMs);
  const rss = results.map((r) => r.rssMb);
  console.log(`${label.padEnd(34)} wall min ${fmt(Math.min(...wall)).padStart(8)}  median ${fmt(median(wall)).padStart(8)}   peak RSS min ${Math.min(...rss).toFixed(0)} MB  median ${median(rss).toFixed(0)} MB`);
  return results;
}

console.log(`Junction benchmarks — Node ${process.versions.node}, ${runs} runs each, whole process from spawn to exit\n`);
for (const n of [10_000, 100_000]) {
  const results = series(`pipeline, ${n.toLocaleString('en-US')} items`, pipelineFlow(n));
  if (n === 100_000) {
    const best = results.reduce((a, b) => (a.wallMs < b.wallMs ? a : b));
    const total = best.nodes.reduce((s, x) => s + x.ms, 0);
    console.log(`\n  each step's share of the fastest 100,000-item run (run ${fmt(best.runMs)} of ${fmt(best.wallMs)} wall; the rest is process start-up, loading and exit):`);
    for (const x of best.nodes) console.log(`    ${x.name.padEnd(14)} ${fmt(x.ms).padStart(8)}  ${((x.ms / total) * 100).toFixed(1).padStart(5)} %`);
    console.log('');
  }
}
series('trigger-only flow (start-up)', triggerOnlyFlow(), 5);
codeBackendFigures({ root, runProcess, runs, fmt, median });

await bundleForNode(root, { 'bench-overhead': join(root, 'bench/overhead.ts'), 'bench-in-process': join(root, 'bench/in-process.ts'), 'bench-http': join(root, 'bench/http.ts') }, join(root, 'dist'));
const { measureOverhead } = await import(join(root, 'dist/bench-overhead.mjs'));
const o = await measureOverhead();
console.log(`per-node overhead (50 no-ops, 1 item, in process)  min ${(o.minMs * 1000).toFixed(1)} µs  median ${(o.medianMs * 1000).toFixed(1)} µs`);
const { measureInProcess } = await import(join(root, 'dist/bench-in-process.mjs'));
console.log('\nin process, min and median:');
for (const f of await measureInProcess()) console.log(`  ${f.label.padEnd(46)} min ${fmt(f.minMs).padStart(7)}  median ${fmt(f.medianMs).padStart(7)}`);
const { measureHttp } = await import(join(root, 'dist/bench-http.mjs'));
console.log(`\nHTTP layer against a loopback server (4,000 requests, 16 at a time, best of 3 interleaved rounds):`);
for (const f of await measureHttp()) console.log(`  ${f.label.padEnd(46)} ${String(f.perSecond).padStart(7)} requests/s`);
await streamFigures(root);
console.log('\nTargets (bench/README.md): 100,000 items < 3 s and < 400 MB; trigger-only start-up < 0.3 s; per-node overhead < 0.2 ms.');
