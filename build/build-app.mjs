// The desktop and browser app on top of the engine build: the renderer (vite) and the Electron
// bundles (main, preload, engine host). build.mjs calls buildApp() unless given --engine.
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { copySandboxWorkers } from './bundle.mjs';
import { NODES_MODULE_ID, nodeModulesSource } from './node-modules.mjs';

/** Packages that load native code or files relative to themselves stay in node_modules. */
const EXTERNAL = ['electron', 'better-sqlite3', '@napi-rs/keyring', 'quickjs-emscripten-core', '@jitl/*', 'ws', 'playwright-core'];

const nodesPlugin = (root) => ({
  name: 'junction-nodes',
  setup(b) {
    b.onResolve({ filter: /^virtual:junction-nodes$/ }, () => ({ path: NODES_MODULE_ID, namespace: 'junction-nodes' }));
    b.onLoad({ filter: /.*/, namespace: 'junction-nodes' }, () => ({ contents: nodeModulesSource(root), resolveDir: root, loader: 'ts' }));
  },
});

export async function buildApp(root, out) {
  const dir = resolve(out, 'electron');
  mkdirSync(dir, { recursive: true });
  // ESM builds of dependencies first: UMD ones (jsonc-parser) hide their requires from the bundler.
  const common = {
    bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: 'linked', external: EXTERNAL, logLevel: 'warning',
    mainFields: ['module', 'main'],
  };
  await Promise.all([
    build({ ...common, entryPoints: [resolve(root, 'electron/main.ts')], outfile: resolve(dir, 'main.cjs') }),
    // Sandboxed preloads may require only 'electron' (a subset of it): everything else is bundled in.
    build({ ...common, entryPoints: [resolve(root, 'electron/preload.ts')], outfile: resolve(dir, 'preload.cjs'), target: 'chrome130' }),
    // CommonJS so that utilityProcess and plain Node load it alike; import.meta.url (the sandbox
    // worker's location) is rebuilt from __filename.
    build({
      ...common,
      entryPoints: [resolve(root, 'engine/host/main.ts')],
      outfile: resolve(dir, 'engine-host.cjs'),
      define: { 'import.meta.url': '__junctionImportMetaUrl' },
      banner: { js: "const __junctionImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      plugins: [nodesPlugin(root)],
    }),
  ]);
  copySandboxWorkers(root, dir);
  // Last: the Electron bundles above do not depend on it, and its errors are the longest to read.
  await buildRenderer(root);
}

async function buildRenderer(root) {
  const config = resolve(root, 'renderer/vite.config.ts');
  if (!existsSync(config)) {
    console.error('renderer/vite.config.ts is missing: skipping the editor build (junction serve will say it is not built).');
    return;
  }
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: config, logLevel: 'warn' });
}
