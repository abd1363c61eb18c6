// Import figures over the shared corpus (bench/import-figures.ts): share of nodes mapped to a
// real Junction node per source tool, share of flows with no report line, whole-corpus import time.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../build/bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.JUNCTION_CORPUS ?? '/work/shared/corpus';
await bundleForNode(root, { 'bench-import': join(root, 'bench/import-figures.ts') }, join(root, 'dist'));
const { importFigures } = await import(join(root, 'dist/bench-import.mjs'));

const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const figures = importFigures(corpus);
if (!figures.length) console.log(`Import: no corpus at ${corpus} (set JUNCTION_CORPUS)`);
for (const f of figures) {
  console.log(`Import ${f.tool}: ${f.files} files (${f.failedFiles} refused), ${f.flows} flows, ${f.nodes} nodes (+${f.canvasNotes} sticky notes as canvas notes)`);
  console.log(`  nodes mapped to a Junction node: ${f.mapped} (${pct(f.mapped, f.nodes)}); of them to node types in this build: ${f.mappedHere} (${pct(f.mappedHere, f.nodes)}); placeholders ${f.placeholders}, left out ${f.dropped}`);
  console.log(`  flows with no report line: ${f.cleanFlows} of ${f.flows} (${pct(f.cleanFlows, f.flows)}); with no warning or error line: ${f.quietFlows} (${pct(f.quietFlows, f.flows)})`);
  console.log(`  whole-corpus import, in process: min ${Math.min(...f.passesMs).toFixed(0)} ms, median ${median(f.passesMs).toFixed(0)} ms (${f.passesMs.length} passes)`);
}
