// `npm start`: opens the desktop app. Electron's binary comes from a download that needs GitHub;
// where it is missing, say so and point to the same editor in a browser.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NO_BINARY = 'The Electron binary is not installed on this machine (its download needs internet access to GitHub). '
  + 'Use `npm run serve` to open the same editor in your browser.';

let electronPath;
try {
  // The package exports the binary's path, and throws when its install step never fetched it.
  electronPath = createRequire(import.meta.url)('electron');
} catch {
  electronPath = undefined;
}
if (typeof electronPath !== 'string' || !existsSync(electronPath)) {
  console.error(NO_BINARY);
  process.exit(1);
}
const main = resolve(root, 'dist/electron/main.cjs');
if (!existsSync(main)) {
  console.error('The desktop app is not built; run npm run build.');
  process.exit(1);
}

// The app folder, not the script: Electron then reads package.json ("main": dist/electron/main.cjs)
// and takes the app's name from it, which also names its userData folder.
const child = spawn(electronPath, [root, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
