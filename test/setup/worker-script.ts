/**
 * Unit tests run the engine from source, but runs and previews execute in worker processes that
 * load a built script. This bundles that script once per test session (with the test node
 * types beside it, sharing one copy of the SDK) and names both for the tests through the
 * environment, which the test processes inherit.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
// @ts-expect-error plain JavaScript build helper without types
import { bundleForNode, copySandboxWorkers } from '../../build/bundle.mjs';

const ROOT = resolve(__dirname, '../..');

export default async function setup() {
  // Inside the project, so the bundle's external packages (better-sqlite3, quickjs) resolve from node_modules.
  const cache = join(ROOT, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, 'junction-worker-'));
  await bundleForNode(ROOT, {
    'junction-worker': join(ROOT, 'engine/worker/worker-main.ts'),
    'test-nodes': join(ROOT, 'test/fixtures/test-nodes.ts'),
    'stream-nodes': join(ROOT, 'test/fixtures/stream-nodes.ts'),
  }, out);
  // The Code node's sandbox scripts, where the bundled sandbox looks for them (as build/build.mjs places them).
  for (const dir of [out, join(out, 'chunks')]) copySandboxWorkers(ROOT, dir);
  process.env.JUNCTION_WORKER_SCRIPT = join(out, 'junction-worker.mjs');
  process.env.JUNCTION_TEST_TYPES_MODULE = pathToFileURL(join(out, 'test-nodes.mjs')).href;
  process.env.JUNCTION_TEST_STREAM_TYPES_MODULE = pathToFileURL(join(out, 'stream-nodes.mjs')).href;
  return () => rmSync(out, { recursive: true, force: true });
}
