import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { JunctionError } from '../sdk/errors';

/** The bundle's name for the worker entry (engine/worker/worker-main.ts); build/build.mjs writes it to dist/. */
export const WORKER_FILE = 'junction-worker.mjs';

let found: URL | undefined;

/**
 * Where the worker script is. The engine always runs bundled (dist/cli.mjs, a chunk under
 * dist/chunks/, or Electron's dist/electron/engine-host.cjs), so the script sits next to this
 * code or one folder up. Tests run from source: their setup bundles the script and names it in
 * JUNCTION_WORKER_SCRIPT.
 */
export function workerScript(): URL {
  if (found) return found;
  const candidates = [new URL(`./${WORKER_FILE}`, import.meta.url), new URL(`../${WORKER_FILE}`, import.meta.url)];
  const fromEnv = process.env.JUNCTION_WORKER_SCRIPT;
  if (fromEnv) candidates.push(pathToFileURL(fromEnv));
  found = candidates.find((u) => u.protocol === 'file:' && existsSync(fileURLToPath(u)));
  // Packaged Electron app: a process cannot start from inside app.asar, so the script is unpacked beside it.
  const unpacked = found && new URL(found.href.replace('/app.asar/', '/app.asar.unpacked/'));
  if (unpacked && unpacked.href !== found!.href && existsSync(fileURLToPath(unpacked))) found = unpacked;
  if (!found) {
    throw new JunctionError('engine.worker-missing', `The engine's worker script ${WORKER_FILE} is missing next to ${fileURLToPath(import.meta.url)}: build the engine with \`node build/build.mjs\``);
  }
  return found;
}
