#!/usr/bin/env node
// The `junction` command. Runs the bundled CLI; builds it first in a fresh checkout.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Junction needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(2);
}
const cli = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  const built = spawnSync(process.execPath, [new URL('../build/build.mjs', import.meta.url).pathname, '--engine'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
