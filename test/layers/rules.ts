/**
 * Which way imports may point (DESIGN section 1), as checks over an import graph. The compiler
 * holds the globals (tsconfig.engine.json: no DOM; tsconfig.renderer.json: no Node types); these
 * rules hold the imports:
 *
 * - engine/   imports nothing from electron/, renderer/ or nodes/, and no package outside
 *             package.json's `dependencies` (so no React, no Electron, no UI library).
 *             Its tests may also import test/fixtures. Tests of every layer may import vitest.
 * - nodes/    import the node SDK (engine/sdk/index.ts; tests also engine/sdk/testing.ts),
 *             their own folder, and client libraries from `dependencies`: no Node built-ins
 *             (the SDK's context is how a node reaches the outside) and no engine internals.
 * - renderer/ imports no Node built-ins and no Electron. Of the engine, only the contract and
 *             the pure model listed in RENDERER_MAY_IMPORT: engine/api.ts, the flow model
 *             (engine/flow: the file, its shape, walks, ports, field paths, limits), the params
 *             schema with its one validator and the JSON kernel (engine/sdk: schema, check-params,
 *             json-values, paths), the per-node run summary, the request matcher and the cURL converter. These import
 *             no package and, at run time, only each other; nothing the renderer reaches, even
 *             through a type-only import, imports a Node built-in (that would bring Node's
 *             types into the renderer's program). Of electron/, only the types of
 *             electron/desktop-api.ts (what `window.junctionDesktop` is). engine/api.ts defines
 *             its own run types (the service maps the store's rows to them): no engine/store.
 * - electron/ imports Electron, Node built-ins, its own folder, and of the engine only the
 *             types of engine/api.ts and engine/host/protocol.ts (the messages to the engine
 *             process) and engine/transport/. The engine process itself starts from
 *             engine/host/main.ts, bundled by build/build-app.mjs, never imported.
 */
import type { Import, ImportGraph } from './scan';

export const RENDERER_MAY_IMPORT = [
  'engine/api.ts',
  // The flow model: the file, its shape, walks, ports, field paths and limits.
  'engine/flow/types.ts', 'engine/flow/graph.ts', 'engine/flow/limits.ts', 'engine/flow/walks.ts', 'engine/flow/ports.ts', 'engine/flow/field-paths.ts',
  // The params schema and its one validator, with the JSON kernel they stand on.
  'engine/sdk/schema.ts', 'engine/sdk/check-params.ts', 'engine/sdk/json-values.ts', 'engine/sdk/paths.ts',
  // One per-node run summary and one request matcher, shared with the CLI and the transports.
  'engine/exec/node-summary.ts', 'engine/transport/pending-requests.ts',
  // "Import cURL" and "Copy as cURL" for the HTTP Request node, with their shell-word splitter.
  'engine/http/curl.ts', 'engine/http/shell-words.ts',
];
const ELECTRON_TYPES_FROM_ENGINE = ['engine/api.ts', 'engine/host/protocol.ts'];
const RENDERER_TYPES_FROM_ELECTRON = ['electron/desktop-api.ts'];

export interface LayerContext {
  /** package.json `dependencies`: what runs in the engine and node types. */
  runtimePackages: readonly string[];
}

/** Vite's config sits in renderer/ but runs on Node, with the build tools. */
const layerOf = (path: string) => (path === 'renderer/vite.config.ts' ? 'build' : path.split('/')[0]);
const isTest = (path: string) => /\.test\.tsx?$/.test(path);
const under = (path: string, folder: string) => path.startsWith(`${folder}/`);

/** Every import across the rules, as one sentence each; empty when the layers hold. */
export function checkLayers(graph: ImportGraph, ctx: LayerContext): string[] {
  const problems: string[] = [];
  for (const [file, imports] of graph) {
    for (const imp of imports) {
      if (isTest(file) && imp.target.kind === 'package' && imp.target.name === 'vitest') continue;
      const why = ruleFor(layerOf(file))?.(file, imp, ctx);
      if (why) problems.push(`${file} imports '${imp.spec}': ${why}`);
    }
  }
  return [...problems, ...rendererReach(graph)];
}

type Rule = (file: string, imp: Import, ctx: LayerContext) => string | undefined;

const engineRule: Rule = (file, { target }, ctx) => {
  if (target.kind === 'file') {
    if (['electron', 'renderer', 'nodes'].includes(layerOf(target.path))) return `the engine imports nothing from ${layerOf(target.path)}/`;
    if (under(target.path, 'test') && !isTest(file)) return 'only tests import test fixtures';
  }
  if (target.kind === 'package' && !ctx.runtimePackages.includes(target.name)) {
    return 'the engine imports only packages listed in package.json dependencies (no UI or Electron library)';
  }
  return undefined;
};

/**
 * The file nodes' outside system is the file system: for them Node's file modules are the
 * client library. Every other node type reaches the outside through its own client library.
 */
const BUILTINS_OF_NODE_FOLDER: Record<string, string[]> = {
  'nodes/files': ['fs', 'fs/promises', 'path', 'os', 'stream', 'stream/promises', 'readline', 'events', 'crypto'],
};

/** Tests beside node types, and their `test-*.ts` helpers, are not node types: they may set up files and servers. */
const isNodeTest = (path: string) => isTest(path) || /(^|\/)test-[^/]+\.ts$/.test(path);

const nodesRule: Rule = (file, { target }, ctx) => {
  if (isNodeTest(file)) {
    if (target.kind === 'file' && (layerOf(target.path) === 'renderer' || layerOf(target.path) === 'electron')) return 'node tests do not reach the editor or the desktop shell';
    return undefined;
  }
  if (target.kind === 'builtin') {
    const folder = Object.keys(BUILTINS_OF_NODE_FOLDER).find((f) => under(file, f));
    if (folder && BUILTINS_OF_NODE_FOLDER[folder]!.includes(target.name)) return undefined;
    return 'a node type reaches the outside through the SDK context or its client library, not Node built-ins';
  }
  if (target.kind === 'package' && !ctx.runtimePackages.includes(target.name)) {
    return 'a node type imports only client libraries listed in package.json dependencies';
  }
  if (target.kind === 'file' && !under(target.path, 'nodes')) {
    const allowed = isTest(file) ? ['engine/sdk/index.ts', 'engine/sdk/testing.ts', 'test/servers/use-server.ts'] : ['engine/sdk/index.ts'];
    if (!allowed.includes(target.path)) return 'a node type imports only the node SDK (engine/sdk)';
  }
  return undefined;
};

const rendererRule: Rule = (_file, { target, typeOnly }) => {
  if (target.kind === 'builtin') return 'the renderer runs in a browser: no Node built-ins';
  if (target.kind === 'package' && target.name === 'electron') return 'the renderer reaches Electron only through window.junction and window.junctionDesktop';
  if (target.kind !== 'file') return undefined;
  const layer = layerOf(target.path);
  if (layer === 'engine' && !RENDERER_MAY_IMPORT.includes(target.path)) {
    return `of the engine the renderer imports only ${RENDERER_MAY_IMPORT.join(', ')}`;
  }
  if (layer === 'electron' && !(typeOnly && RENDERER_TYPES_FROM_ELECTRON.includes(target.path))) {
    return `of electron/ the renderer imports only the types of ${RENDERER_TYPES_FROM_ELECTRON.join(', ')}`;
  }
  if (layer === 'nodes') return 'the renderer learns about node types from the catalog (nodes.catalog), not their code';
  return undefined;
};

const electronRule: Rule = (_file, { target, typeOnly }) => {
  if (target.kind === 'package' && target.name !== 'electron') return 'the desktop shell stays thin: Electron and Node built-ins only';
  if (target.kind !== 'file') return undefined;
  const layer = layerOf(target.path);
  if (layer === 'renderer' || layer === 'nodes') return `electron/ imports nothing from ${layer}/`;
  if (layer === 'engine' && !under(target.path, 'engine/transport') && !(typeOnly && ELECTRON_TYPES_FROM_ENGINE.includes(target.path))) {
    return `of the engine electron/ imports only engine/transport/ and the types of ${ELECTRON_TYPES_FROM_ENGINE.join(', ')}`;
  }
  return undefined;
};

const ruleFor = (layer: string): Rule | undefined => ({ engine: engineRule, nodes: nodesRule, renderer: rendererRule, electron: electronRule })[layer];

/**
 * What the renderer reaches through the modules it may import: at run time, only those
 * modules; through types too, no file that imports a Node built-in.
 */
function rendererReach(graph: ImportGraph): string[] {
  const problems: string[] = [];
  for (const file of RENDERER_MAY_IMPORT) {
    for (const { spec, typeOnly, target } of graph.get(file) ?? []) {
      if (target.kind === 'package' || target.kind === 'builtin') problems.push(`${file} imports '${spec}': the renderer imports this file, so it imports no package`);
      else if (file === 'engine/api.ts' && target.kind === 'file' && under(target.path, 'engine/store')) {
        problems.push(`${file} imports '${spec}': the API defines its own run types; the service maps the store's rows to them`);
      }
      else if (!typeOnly && target.kind === 'file' && !RENDERER_MAY_IMPORT.includes(target.path)) {
        problems.push(`${file} imports '${spec}' at run time: the renderer imports this file, so it may import only ${RENDERER_MAY_IMPORT.join(', ')} (or types)`);
      }
    }
  }
  // Breadth-first from every renderer file; `via` keeps one path to each file for the message.
  const via = new Map<string, string>();
  const queue = [...graph.keys()].filter((f) => layerOf(f) === 'renderer');
  for (const f of queue) via.set(f, f);
  while (queue.length) {
    const file = queue.shift()!;
    for (const { spec, target } of graph.get(file) ?? []) {
      if (target.kind === 'builtin' && layerOf(file) !== 'renderer') {
        problems.push(`${via.get(file)} imports '${spec}': the renderer's program would get Node's types through it`);
      } else if (target.kind === 'file' && !via.has(target.path) && graph.has(target.path)) {
        via.set(target.path, `${via.get(file)} → ${target.path}`);
        queue.push(target.path);
      }
    }
  }
  return problems;
}
