// Node discovery: every module under nodes/ (tests aside) becomes part of the catalog.
// Bundlers (esbuild for the CLI and service, vite for tests and the renderer) resolve the
// virtual module `virtual:junction-nodes` to the source this file writes.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const NODES_MODULE_ID = 'virtual:junction-nodes';

export function listNodeFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(resolve(root, 'nodes'));
  return out;
}

export function nodeModulesSource(root) {
  const files = listNodeFiles(root);
  const imports = files.map((f, i) => `import * as m${i} from ${JSON.stringify(f)};`).join('\n');
  const list = files.map((f, i) => `{ file: ${JSON.stringify(f.slice(resolve(root).length + 1))}, module: m${i} }`).join(',\n  ');
  return `${imports}\nexport const modules = [\n  ${list}\n];\n`;
}
