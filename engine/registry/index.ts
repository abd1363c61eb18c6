import { modules } from 'virtual:junction-nodes';
import type { NodeType } from '../sdk';

/** Every node type found under nodes/, by `type@version`, with the newest version of each type. */
export interface NodeRegistry {
  get(type: string, version: number): NodeType | undefined;
  latest(type: string): NodeType | undefined;
  versions(type: string): number[];
  all(): NodeType[];
}

const isNodeType = (v: unknown): v is NodeType =>
  typeof v === 'object' && v !== null && typeof (v as NodeType).type === 'string' && typeof (v as NodeType).execute === 'function' && 'paramSpec' in v;

export function createRegistry(types: NodeType[]): NodeRegistry {
  const byKey = new Map<string, NodeType>();
  const newest = new Map<string, NodeType>();
  for (const t of types) {
    const key = `${t.type}@${t.version}`;
    if (byKey.has(key)) throw new Error(`node type ${key} is declared twice`);
    byKey.set(key, t);
    const cur = newest.get(t.type);
    if (!cur || cur.version < t.version) newest.set(t.type, t);
  }
  return {
    get: (type, version) => byKey.get(`${type}@${version}`),
    latest: (type) => newest.get(type),
    versions: (type) => types.filter((t) => t.type === type).map((t) => t.version).sort((a, b) => a - b),
    all: () => [...newest.values()].sort((a, b) => a.category.localeCompare(b.category) || a.title.localeCompare(b.title)),
  };
}

/**
 * The node types of discovered modules. A module whose default export is not a node type, or
 * that exports a node type under another name only, is a mistake that would otherwise make a
 * node silently vanish from the catalog: it fails here, naming the file. Modules that export
 * no node at all are helpers (shared value functions) and are passed over.
 */
export function nodeTypesOf(found: readonly { file: string; module: Record<string, unknown> }[]): NodeType[] {
  const types: NodeType[] = [];
  for (const { file, module } of found) {
    if ('default' in module) {
      if (!isNodeType(module.default)) throw new Error(`${file}: the default export is not a node type; export default defineNode({ … })`);
      types.push(module.default);
      continue;
    }
    const named = Object.keys(module).filter((k) => isNodeType(module[k]));
    if (named.length) throw new Error(`${file}: declares a node type (${named.join(', ')}) but has no default export; write export default`);
  }
  return types;
}

let builtin: NodeRegistry | undefined;

/** The node types shipped in nodes/, discovered at build time. */
export function builtinRegistry(): NodeRegistry {
  builtin ??= createRegistry(nodeTypesOf(modules));
  return builtin;
}
