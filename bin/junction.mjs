#!/usr/bin/env node
// The `junction` command. Runs the bundled CLI; builds it first in a fresh checkout.
// Put it on your PATH with `npm link` (npx works too, but starts npm first: half a second or more a call).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`Junction needs Node.js 22.12 or newer (24 recommended); this is ${process.versions.node}.`);
  process.exit(2);
}
// V8 keeps the compiled bundle on disk (in the OS temp folder), so later starts skip compiling it.
module.enableCompileCache?.();
const cli = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  const built = spawnSync(process.execPath, [new URL('../build/build.mjs', import.meta.url).pathname, '--engine'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
