// Streamed runs: items per second and the run process's peak RSS, 10,000,000 small items
// streamed through Edit Fields → Filter. Part of `npm run bench`; alone: `node bench/stream.mjs`
// (after `node build/build.mjs`, which builds the run process's script).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleForNode } from '../build/bundle.mjs';

const STREAMED = Number(process.env.BENCH_STREAM_ITEMS ?? 10_000_000);
const WHOLE = STREAMED / 10;

export async function streamFigures(root) {
  await bundleForNode(root, { 'bench-stream': join(root, 'bench/stream.ts'), 'bench-stream-types': join(root, 'bench/stream-types.ts') }, join(root, 'dist'));
  const { measureStream } = await import(join(root, 'dist/bench-stream.mjs'));
  const typesUrl = pathToFileURL(join(root, 'dist/bench-stream-types.mjs')).href;
  const line = (label, f) => console.log(`  ${label.padEnd(46)} ${f.itemsPerSecond.toLocaleString('en-US').padStart(10)} items/s  run ${(f.runMs / 1000).toFixed(2)} s  peak RSS of the run process ${f.peakRssMb.toFixed(0)} MB`);
  console.log(`\nstreamed runs (source → Edit Fields → Filter → counting sink, in the run's own process):`);
  line(`streamed, ${STREAMED.toLocaleString('en-US')} items`, await measureStream(typesUrl, STREAMED));
  line(`not streamed (collected first), ${WHOLE.toLocaleString('en-US')} items`, await measureStream(typesUrl, WHOLE, 'wholeBenchTypes'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await streamFigures(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
}
