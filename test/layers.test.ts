import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers, type LayerContext } from './layers/rules';
import { scanImports, type Import, type ImportGraph, type Target } from './layers/scan';

const root = resolve(import.meta.dirname, '..');
const ctx: LayerContext = { runtimePackages: Object.keys(JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).dependencies) };

/** A graph of one file with one import, for the rules' own tests. */
const one = (file: string, spec: string, target: Target, typeOnly = false): ImportGraph => new Map([[file, [{ spec, typeOnly, target }]]]);
const file = (path: string): Target => ({ kind: 'file', path });
const pkg = (name: string): Target => ({ kind: 'package', name });
const builtin = (name: string): Target => ({ kind: 'builtin', name });

describe('the layers of DESIGN section 1', () => {
  it('hold in this checkout', () => {
    expect(checkLayers(scanImports(root), ctx)).toEqual([]);
  });

  it('reads type-only imports, re-exports and import() calls', () => {
    const graph = scanImports(root, ['electron']);
    const preload = graph.get('electron/preload.ts') ?? [];
    expect(preload).toContainEqual<Import>({ spec: '../engine/api', typeOnly: true, target: file('engine/api.ts') });
    expect(preload).toContainEqual<Import>({ spec: 'electron', typeOnly: false, target: pkg('electron') });
  });

  it('fail on the engine importing the UI, Electron, React or a node type', () => {
    expect(checkLayers(one('engine/exec/x.ts', '../../renderer/state/editor-store', file('renderer/state/editor-store.ts')), ctx)).toHaveLength(1);
    expect(checkLayers(one('engine/exec/x.ts', '../../electron/menu', file('electron/menu.ts')), ctx)).toHaveLength(1);
    expect(checkLayers(one('engine/exec/x.ts', '../../nodes/core/if', file('nodes/core/if.ts')), ctx)).toHaveLength(1);
    expect(checkLayers(one('engine/exec/x.ts', 'react', pkg('react')), ctx)).toEqual([
      "engine/exec/x.ts imports 'react': the engine imports only packages listed in package.json dependencies (no UI or Electron library)",
    ]);
    expect(checkLayers(one('engine/exec/x.ts', 'electron', pkg('electron')), ctx)).toHaveLength(1);
  });

  it('fail on a node type reaching past the SDK', () => {
    expect(checkLayers(one('nodes/core/x.ts', '../../engine/exec/clock', file('engine/exec/clock.ts')), ctx)).toEqual([
      "nodes/core/x.ts imports '../../engine/exec/clock': a node type imports only the node SDK (engine/sdk)",
    ]);
    expect(checkLayers(one('nodes/core/x.ts', 'node:fs', builtin('fs')), ctx)).toHaveLength(1);
    expect(checkLayers(one('nodes/core/x.ts', 'react', pkg('react')), ctx)).toHaveLength(1);
    expect(checkLayers(one('nodes/core/x.ts', '../../engine/sdk', file('engine/sdk/index.ts')), ctx)).toEqual([]);
    expect(checkLayers(one('nodes/core/x.ts', '../../engine/sdk/testing', file('engine/sdk/testing.ts')), ctx)).toHaveLength(1);
    expect(checkLayers(one('nodes/core/x.test.ts', '../../engine/sdk/testing', file('engine/sdk/testing.ts')), ctx)).toEqual([]);
  });

  it('fail on the renderer importing Node, Electron or engine internals', () => {
    expect(checkLayers(one('renderer/app/x.ts', 'node:path', builtin('path')), ctx)).toEqual([
      "renderer/app/x.ts imports 'node:path': the renderer runs in a browser: no Node built-ins",
    ]);
    expect(checkLayers(one('renderer/app/x.ts', '../../engine/store', file('engine/store/index.ts')), ctx)).toHaveLength(1);
    expect(checkLayers(one('renderer/app/x.ts', '../../engine/sdk', file('engine/sdk/index.ts')), ctx)).toHaveLength(1);
    expect(checkLayers(one('renderer/app/x.ts', '../../electron/desktop-api', file('electron/desktop-api.ts')), ctx)).toHaveLength(1);
    expect(checkLayers(one('renderer/app/x.ts', '../../electron/desktop-api', file('electron/desktop-api.ts'), true), ctx)).toEqual([]);
    expect(checkLayers(one('renderer/app/x.ts', '../../engine/sdk/schema', file('engine/sdk/schema.ts')), ctx)).toEqual([]);
  });

  it('fail when a module the renderer may import pulls in more, or reaches Node through types', () => {
    expect(checkLayers(one('engine/flow/graph.ts', '../exec/run-flow', file('engine/exec/run-flow.ts')), ctx)).toHaveLength(1);
    expect(checkLayers(one('engine/flow/graph.ts', '../exec/run-flow', file('engine/exec/run-flow.ts'), true), ctx)).toEqual([]);
    expect(checkLayers(one('engine/api.ts', './store/types', file('engine/store/types.ts'), true), ctx)).toEqual([
      "engine/api.ts imports './store/types': the API defines its own run types; the service maps the store's rows to them",
    ]);
    const reach: ImportGraph = new Map([
      ['renderer/app/x.ts', [{ spec: '../../engine/api', typeOnly: true, target: file('engine/api.ts') }]],
      ['engine/api.ts', [{ spec: './exec/events', typeOnly: true, target: file('engine/exec/events.ts') }]],
      ['engine/exec/events.ts', [{ spec: 'node:fs', typeOnly: false, target: builtin('fs') }]],
    ]);
    expect(checkLayers(reach, ctx)).toEqual([
      "renderer/app/x.ts → engine/api.ts → engine/exec/events.ts imports 'node:fs': the renderer's program would get Node's types through it",
    ]);
  });

  it('fail on electron/ importing engine internals or UI code', () => {
    expect(checkLayers(one('electron/x.ts', '../engine/service', file('engine/service/index.ts')), ctx)).toHaveLength(1);
    expect(checkLayers(one('electron/x.ts', '../engine/api', file('engine/api.ts')), ctx)).toHaveLength(1);
    expect(checkLayers(one('electron/x.ts', '../engine/api', file('engine/api.ts'), true), ctx)).toEqual([]);
    expect(checkLayers(one('electron/x.ts', '../engine/transport/static', file('engine/transport/static.ts')), ctx)).toEqual([]);
    expect(checkLayers(one('electron/x.ts', '../renderer/app/App', file('renderer/app/App.tsx')), ctx)).toHaveLength(1);
    expect(checkLayers(one('electron/x.ts', 'react', pkg('react')), ctx)).toHaveLength(1);
  });
});
