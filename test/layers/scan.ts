/**
 * Reads the import graph of the layered folders with TypeScript's own parser: static imports
 * and re-exports (noting which are type-only, so erased from the build), `import()` calls and
 * `import('x').T` types. Relative specifiers are resolved to repository paths.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export type Target =
  | { kind: 'file'; path: string }
  | { kind: 'builtin'; name: string }
  | { kind: 'package'; name: string }
  /** Made by a bundler plugin (the node catalog). */
  | { kind: 'virtual'; name: string };

export interface Import { spec: string; typeOnly: boolean; target: Target }

/** Repository path (with `/`) → what the file imports. */
export type ImportGraph = Map<string, Import[]>;

export const LAYER_FOLDERS = ['engine', 'nodes', 'renderer', 'electron'] as const;
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const CANDIDATES = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '.d.ts', '/index.ts', '/index.tsx'];

export function scanImports(root: string, folders: readonly string[] = LAYER_FOLDERS): ImportGraph {
  const graph: ImportGraph = new Map();
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) { if (entry.name !== 'node_modules') walk(path); }
      else if (SOURCE.test(entry.name)) graph.set(path, importsOf(root, path));
    }
  };
  for (const folder of folders) walk(folder);
  return graph;
}

function importsOf(root: string, path: string): Import[] {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : /\.m?js$/.test(path) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, readFileSync(join(root, path), 'utf8'), ts.ScriptTarget.Latest, true, kind);
  const found: Import[] = [];
  const add = (spec: string, typeOnly: boolean) => found.push({ spec, typeOnly, target: resolveSpec(root, path, spec) });
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      add(node.moduleSpecifier.text, !!clause && (clause.isTypeOnly || (!clause.name && !!named?.length && named.every((e) => e.isTypeOnly))));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node.moduleSpecifier.text, node.isTypeOnly || (!!named?.length && named.every((e) => e.isTypeOnly)));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      add(node.arguments[0].text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function resolveSpec(root: string, from: string, spec: string): Target {
  if (spec.startsWith('.')) {
    const base = resolve(root, dirname(from), spec.replace(/\?.*$/, ''));
    const hit = CANDIDATES.map((ext) => base + ext).find((p) => existsSync(p) && statSync(p).isFile()) ?? base;
    return { kind: 'file', path: relative(root, hit).split(sep).join('/') };
  }
  if (spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0])) return { kind: 'builtin', name: spec.replace(/^node:/, '') };
  if (spec.startsWith('virtual:')) return { kind: 'virtual', name: spec };
  const parts = spec.split('/');
  return { kind: 'package', name: spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}
