import type { Plugin } from 'vite';
// @ts-expect-error: plain ESM helper shared with the esbuild build
import { NODES_MODULE_ID, nodeModulesSource } from './node-modules.mjs';

/** Resolves `virtual:junction-nodes` for vitest and vite. */
export function nodesPlugin(root = process.cwd()): Plugin {
  const resolved = `\0${NODES_MODULE_ID}`;
  return {
    name: 'junction-nodes',
    resolveId: (id) => (id === NODES_MODULE_ID ? resolved : undefined),
    load: (id) => (id === resolved ? nodeModulesSource(root) : undefined),
  };
}
