// Per-node overhead, in process: a chain of 50 no-ops carrying one item, against a chain of 1.
import { runFlow } from '../engine/exec';
import { builtinRegistry } from '../engine/registry';
import { validateFlow } from '../engine/flow';
// @ts-expect-error plain ESM helper
import { noopChain } from './pipeline-flow.mjs';

const types = builtinRegistry();
const flowOf = (n: number) => validateFlow(noopChain(n), types).flow!;
const time = async (flow: ReturnType<typeof flowOf>, reps: number) => {
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) await runFlow(flow, { types });
  return (performance.now() - t0) / reps;
};

export async function measureOverhead() {
  const long = flowOf(50);
  const short = flowOf(1);
  await time(long, 200); await time(short, 200); // warm up the JIT
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) samples.push(((await time(long, 200)) - (await time(short, 200))) / 49);
  samples.sort((a, b) => a - b);
  return { minMs: samples[0], medianMs: samples[2] };
}
