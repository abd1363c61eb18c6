// Node-RED import figures over /work/shared/corpus/node-red (or the folder given):
// `node bench/import-node-red.mjs [DIR]`. Prints numbers; nothing passes or fails.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../build/bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] ?? join(process.env.JUNCTION_CORPUS ?? '/work/shared/corpus', 'node-red');
await bundleForNode(root, { 'bench-import-node-red': join(root, 'bench/import-node-red.ts') }, join(root, 'dist'));
const { measureNodeRedImport } = await import(join(root, 'dist/bench-import-node-red.mjs'));
const r = measureNodeRedImport(dir);
const pct = (x) => `${(x * 100).toFixed(1)} %`;
console.log(`Node-RED corpus: ${r.files} files, ${r.flows} flows`);
console.log(`  source flow nodes: ${r.outcomes.mapped} mapped to Junction nodes, ${r.outcomes.placeholder} placeholders (${pct(r.mappedShare)} mapped); ${r.outcomes.folded} folded (links, junctions, config, catch), ${r.outcomes.dropped} dropped`);
console.log(`  flows with no report line besides the msg → item rule: ${r.cleanFlows} of ${r.flows} (${pct(r.cleanFlowShare)}); of them ${r.emptyFlows} are empty tabs, so ${r.cleanFlows - r.emptyFlows} of ${r.flows - r.emptyFlows} flows with nodes (${pct((r.cleanFlows - r.emptyFlows) / (r.flows - r.emptyFlows))})`);
console.log(`  flows with nodes and no warning or error (info lines only): ${r.noWarnings} of ${r.flows - r.emptyFlows}`);
console.log(`  import time, whole corpus: min ${r.minMs.toFixed(1)} ms, median ${r.medianMs.toFixed(1)} ms (20 runs after a warm-up)`);
