// Builds what runs outside vitest: the engine CLI/service bundle (always), and with no
// flag also the renderer (vite) and the Electron main and preload scripts.
//   node build/build.mjs            everything
//   node build/build.mjs --engine   the CLI and service only (npm ci runs this through `prepare`)
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode, copySandboxWorkers } from './bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, 'dist');
const engineOnly = process.argv.includes('--engine');
mkdirSync(out, { recursive: true });

const t0 = performance.now();
// Chunk names carry a content hash: clear the last build's, which nothing would load again.
rmSync(resolve(out, 'chunks'), { recursive: true, force: true });
// The worker process that runs flows and previews (engine/worker) is its own entry, found beside the bundle.
await bundleForNode(root, { cli: resolve(root, 'engine/cli/main.ts'), 'junction-worker': resolve(root, 'engine/worker/worker-main.ts') }, out);
// The sandbox workers are plain JS that the sandbox loads by a path relative to its own
// module, which ends up in a split chunk (dist/chunks/) or, unsplit, in dist/ itself.
for (const dir of [out, resolve(out, 'chunks')]) copySandboxWorkers(root, dir);

if (!engineOnly) {
  const app = resolve(root, 'build/build-app.mjs');
  if (existsSync(app)) await (await import(app)).buildApp(root, out);
}
console.error(`built ${engineOnly ? 'engine' : 'app'} in ${Math.round(performance.now() - t0)} ms`);
