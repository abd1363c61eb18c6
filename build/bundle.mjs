// One esbuild setup for everything that runs on Node outside vitest: the CLI/service and
// the in-process benchmarks. Node types are found by `virtual:junction-nodes`.
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { NODES_MODULE_ID, nodeModulesSource } from './node-modules.mjs';

const nodesPlugin = (root) => ({
  name: 'junction-nodes',
  setup(b) {
    b.onResolve({ filter: /^virtual:junction-nodes$/ }, () => ({ path: NODES_MODULE_ID, namespace: 'junction-nodes' }));
    b.onLoad({ filter: /.*/, namespace: 'junction-nodes' }, () => ({ contents: nodeModulesSource(root), resolveDir: root, loader: 'ts' }));
  },
});

/** Bundles `entryPoints` ({ name: path }) into `outdir` as ESM for Node 22.12 and later (package.json engines). */
export function bundleForNode(root, entryPoints, outdir) {
  return build({
    entryPoints,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    target: 'node22',
    mainFields: ['module', 'main'],
    sourcemap: 'linked',
    // Native and WebAssembly packages load files relative to themselves: leave them in node_modules.
    external: ['better-sqlite3', '@napi-rs/keyring', 'quickjs-emscripten-core', '@jitl/*', 'ws', 'playwright-core', 'electron'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    plugins: [nodesPlugin(root)],
    logLevel: 'warning',
  });
}

/** The Code sandboxes' worker scripts: plain JS each sandbox loads by a path beside its own (bundled) module. */
export function copySandboxWorkers(root, dir) {
  mkdirSync(dir, { recursive: true });
  for (const worker of ['quickjs-worker.mjs', 'ses-worker.mjs']) copyFileSync(resolve(root, 'engine/sandbox', worker), resolve(dir, worker));
}
