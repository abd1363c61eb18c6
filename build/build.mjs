// Builds what runs outside vitest: the engine CLI/service bundle (always), and with no
// flag also the renderer (vite) and the Electron main and preload scripts.
//   node build/build.mjs            everything
//   node build/build.mjs --engine   the CLI and service only (npm ci runs this through `prepare`)
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODES_MODULE_ID, nodeModulesSource } from './node-modules.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, 'dist');
const engineOnly = process.argv.includes('--engine');
mkdirSync(out, { recursive: true });

const nodesPlugin = {
  name: 'junction-nodes',
  setup(b) {
    b.onResolve({ filter: /^virtual:junction-nodes$/ }, () => ({ path: NODES_MODULE_ID, namespace: 'junction-nodes' }));
    b.onLoad({ filter: /.*/, namespace: 'junction-nodes' }, () => ({ contents: nodeModulesSource(root), resolveDir: root, loader: 'ts' }));
  },
};

const t0 = performance.now();
await build({
  entryPoints: { cli: resolve(root, 'engine/cli/main.ts') },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  mainFields: ['module', 'main'],
  sourcemap: 'linked',
  // Native and WebAssembly packages load files relative to themselves: leave them in node_modules.
  external: ['better-sqlite3', 'quickjs-emscripten-core', '@jitl/*', 'ws', 'playwright-core', 'electron'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  plugins: [nodesPlugin],
  logLevel: 'warning',
});
// The sandbox worker is plain JS loaded by path beside the bundle.
copyFileSync(resolve(root, 'engine/sandbox/quickjs-worker.mjs'), resolve(out, 'quickjs-worker.mjs'));

if (!engineOnly) {
  const extra = resolve(root, 'build/build-app.mjs');
  if (existsSync(extra)) await (await import(extra)).buildApp(root, out);
}
console.error(`built ${engineOnly ? 'engine' : 'app'} in ${Math.round(performance.now() - t0)} ms`);
