// `npm run fuzz`: the long run of the flow-file fuzzer (test/fuzz/), 10,000 seeded mutations of
// the examples at the sizes a security review used. Prints counts; like the benchmarks, it
// fails nothing, but every count but "problems", "refused" and "runs" should read 0.
// JUNCTION_FUZZ_COUNT and JUNCTION_FUZZ_SEED change the run; JUNCTION_FUZZ_SCALE=test uses the
// test suite's smaller sizes (about 20 times faster).
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../build/bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.env.JUNCTION_FUZZ_COUNT ?? 10_000);
const seed = Number(process.env.JUNCTION_FUZZ_SEED ?? 20_260_611);

await bundleForNode(root, { 'bench-fuzz': join(root, 'test/fuzz/fuzz-flows.ts'), 'bench-fuzz-mutations': join(root, 'test/fuzz/mutations.ts') }, join(root, 'dist'));
const { fuzzFlows } = await import(join(root, 'dist/bench-fuzz.mjs'));
const { FULL_SCALE, TEST_SCALE } = await import(join(root, 'dist/bench-fuzz-mutations.mjs'));
const scale = process.env.JUNCTION_FUZZ_SCALE === 'test' ? TEST_SCALE : FULL_SCALE;

console.log(`Flow fuzzer: ${count.toLocaleString('en-US')} mutations, seed ${seed}, sizes up to ${scale.depth.toLocaleString('en-US')} levels, ${scale.chars.toLocaleString('en-US')} characters, ${scale.nodes.toLocaleString('en-US')} nodes`);
const n = (x) => x.toLocaleString('en-US');
const onProgress = (p) => console.log(`  … ${n(p.cases)} cases: uncaught ${p.uncaught}, hangs ${p.hangs}, slow ${p.slow}, pathless ${p.pathless}, unbounded ${p.unbounded}, ${(p.ms / 1000).toFixed(0)} s`);
const r = await fuzzFlows({ seed, count, scale, importEvery: 5, runEvery: 1, runDeadlineMs: 15_000, examplesDir: join(root, 'examples'), onProgress });
console.log(`cases ${n(r.cases)}   uncaught exceptions ${n(r.uncaught)}   hangs ${n(r.hangs)}   slow reads ${n(r.slow)}   problems without a path ${n(r.pathless)}   unbounded output ${n(r.unbounded)}`);
console.log(`problems reported ${n(r.problems)}   refused with a clear error ${n(r.refused)}   runs ${n(r.runs)}   in ${(r.ms / 1000).toFixed(1)} s`);
for (const [stage, t] of Object.entries(r.stageMs)) console.log(`  ${stage.padEnd(14)} total ${(t.total / 1000).toFixed(1).padStart(6)} s   slowest case ${t.max.toFixed(0).padStart(6)} ms`);
for (const f of r.faults) console.log(`  ${f.kind} in case ${f.case} (${f.mutations.join(' + ')}) at ${f.stage}: ${f.message}`);
