// The Code backends side by side: the 100,000-item pipeline on the trusted backend (Hardened
// JavaScript) and in QuickJS, each next to plain JavaScript doing the same work in the same
// series (runs interleaved, so a busy machine slows all three alike); then 1,000,000 items on
// the trusted backend. Whole processes, spawn to exit.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pipelineFlow } from './pipeline-flow.mjs';

// GNU time's %M is the peak RSS of the process and of the children it waited for, which
// includes the trusted backend's sandbox process; Node can only report its own.
const GNU_TIME = '/usr/bin/time';

export function codeBackendFigures({ root, runProcess, runs, fmt, median }) {
  const plain = () => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(root, 'bench/plain-pipeline.mjs'), '100000'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`plain pipeline failed: ${r.stderr}`);
    return { wallMs: performance.now() - t0 };
  };
  const flow = pipelineFlow(100_000);
  const series = { plain: [], trusted: [], quickjs: [] };
  for (let i = 0; i < runs; i++) {
    series.plain.push(plain());
    series.trusted.push(runProcess(flow, ['--trust']));
    series.quickjs.push(runProcess(flow));
  }
  for (const r of series.trusted) if (r.codeBackend !== 'trusted') throw new Error('the trusted series did not run on the trusted backend');
  const wall = (xs) => xs.map((x) => x.wallMs);
  const plainMin = Math.min(...wall(series.plain));
  const plainMedian = median(wall(series.plain));
  const codeMs = (r) => r.nodes.find((x) => x.id === 'code')?.ms ?? NaN;
  console.log(`\nCode backends, 100,000-item pipeline, ${runs} interleaved runs each (ratio = Junction wall / plain JavaScript wall):`);
  console.log(`  ${'plain JavaScript, same work'.padEnd(32)} wall min ${fmt(plainMin).padStart(8)}  median ${fmt(plainMedian).padStart(8)}`);
  for (const [label, key] of [['trusted backend (Hardened JS)', 'trusted'], ['isolated backend (QuickJS)', 'quickjs']]) {
    const xs = series[key];
    const ratioMin = Math.min(...wall(xs)) / plainMin;
    const ratioMedian = median(wall(xs)) / plainMedian;
    console.log(`  ${label.padEnd(32)} wall min ${fmt(Math.min(...wall(xs))).padStart(8)}  median ${fmt(median(wall(xs))).padStart(8)}`
      + `   ${ratioMin.toFixed(1)}× / ${ratioMedian.toFixed(1)}× plain   Code node median ${fmt(median(xs.map(codeMs)))}   peak RSS median ${median(xs.map((x) => x.rssMb)).toFixed(0)} MB`);
  }

  const big = [runProcess(pipelineFlow(1_000_000), ['--trust'])];
  const best = big[0];
  let tree = '';
  if (existsSync(GNU_TIME)) {
    const r = spawnSync(GNU_TIME, ['-f', 'TREE_RSS_KB %M', process.execPath, join(root, 'bin/junction.mjs'), 'run', best.file, '--json', '--trust', '--data-dir', best.dataDir], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const kb = /TREE_RSS_KB (\d+)/.exec(r.stderr)?.[1];
    if (kb) tree = `, with its sandbox process ${(Number(kb) / 1024).toFixed(0)} MB (largest single process)`;
  }
  console.log(`\n1,000,000 items on the trusted backend: wall ${fmt(best.wallMs)} (run ${fmt(best.runMs)}, Code node ${fmt(codeMs(best))}), peak RSS ${best.rssMb.toFixed(0)} MB${tree}`);
  console.log('Targets: 100,000 items < 0.6 s and 1,000,000 items < 5 s on the trusted backend.');
}
