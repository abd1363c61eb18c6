/**
 * `junction import FILE... [--from n8n|node-red] [-o DIR] [--json]`: turns n8n workflows and
 * Node-RED exports into flow files in DIR (default: the workspace's flows/) and prints what
 * became of each source node, what did not carry over (with JSON paths) and the connections
 * the flows need. Exit 0 when at least one flow was written, 1 when nothing could be imported.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { serializeFlow } from '../flow';
import { importFile, type ImportedFlow, type ImportSource } from '../import';
import { isJunctionError } from '../sdk/errors';
import { kebab, newFlowId } from '../service/workspace';
import { defaultWorkspace } from './serve-command';
import type { Terminal } from './terminal';

export interface ImportArgs { files: string[]; from?: ImportSource; outDir?: string; json: boolean }

interface FileReport { file: string; source?: ImportSource; error?: string; flows: (ImportedFlow & { written: string })[] }

/** Flow ids already in DIR, so an import never takes the id of another flow there. */
function idsIn(dir: string): Set<string> {
  const ids = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.flow.json'))) {
    try { ids.add(String(JSON.parse(readFileSync(join(dir, f), 'utf8')).id)); } catch { /* not a flow: ignored */ }
  }
  return ids;
}

/** A file name of its own: "name.flow.json", else "name-2.flow.json" …; existing files are never overwritten. */
function freeFileName(dir: string, name: string): string {
  const base = kebab(name) || 'imported-flow';
  for (let i = 1; ; i++) {
    const file = `${base}${i === 1 ? '' : `-${i}`}.flow.json`;
    if (!existsSync(join(dir, file))) return file;
  }
}

function importOne(file: string, args: ImportArgs, dir: string, ids: Set<string>): FileReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { file, error: `${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`, flows: [] };
  }
  try {
    const result = importFile(text, { from: args.from, fileName: basename(file) });
    const flows = result.flows.map((f) => {
      if (ids.has(f.flow.id)) f.flow.id = newFlowId();
      ids.add(f.flow.id);
      const name = freeFileName(dir, f.flow.name);
      writeFileSync(join(dir, name), serializeFlow(f.flow), { flag: 'wx' });
      return { ...f, written: join(dir, name) };
    });
    return { file, source: result.source, flows };
  } catch (e) {
    if (!isJunctionError(e)) throw e;
    return { file, error: `${file}: ${e.message}`, flows: [] };
  }
}

const OUTCOME: Record<string, string> = { mapped: '', placeholder: 'placeholder', folded: 'canvas note', dropped: 'left out' };

function printText(out: Terminal, err: Terminal, reports: FileReport[]): void {
  for (const r of reports) {
    if (r.error) { err.write(`${r.error}\n`); continue; }
    for (const f of r.flows) {
      const mapped = f.nodes.filter((n) => n.outcome === 'mapped').length;
      const placeholders = f.nodes.filter((n) => n.outcome === 'placeholder').length;
      out.write(`${r.file} (${r.source}) → ${f.written}\n  "${f.flow.name}": ${mapped} of ${f.nodes.length} nodes mapped, ${placeholders} placeholder${placeholders === 1 ? '' : 's'}, ${f.notes.length} note${f.notes.length === 1 ? '' : 's'}\n`);
      for (const n of f.nodes) {
        const became = n.outcome === 'mapped' ? n.junctionType : `${OUTCOME[n.outcome]}${n.junctionType && n.outcome !== 'placeholder' ? ` (${n.junctionType})` : ''}`;
        out.write(`    ${n.sourceName} [${n.sourceType}] → ${became}\n`);
      }
      if (f.notes.length) out.write('  Notes:\n');
      for (const n of f.notes) out.write(`    ${n.severity.padEnd(7)} ${n.path}: ${n.message}\n`);
      if (f.connections.length) out.write('  Connections to map:\n');
      for (const c of f.connections) out.write(`    ${c.name} (kind ${c.type}, id ${c.id})\n`);
    }
  }
}

export async function importCommand(args: ImportArgs, out: Terminal, err: Terminal): Promise<number> {
  const dir = resolve(args.outDir ?? join(defaultWorkspace(), 'flows'));
  mkdirSync(dir, { recursive: true });
  const ids = idsIn(dir);
  const reports = args.files.map((file) => importOne(file, args, dir, ids));
  const written = reports.reduce((n, r) => n + r.flows.length, 0);
  if (args.json) {
    out.write(`${JSON.stringify({
      files: reports.map((r) => ({
        file: r.file, source: r.source, ...(r.error ? { error: r.error } : {}),
        flows: r.flows.map((f) => ({ written: f.written, name: f.flow.name, id: f.flow.id, nodes: f.nodes, notes: f.notes, connections: f.connections })),
      })),
    }, null, 2)}\n`);
  } else printText(out, err, reports);
  if (written === 0) {
    // One file: its own sentence already said why.
    if (!args.json && args.files.length > 1) err.write(`Nothing was imported from the ${args.files.length} files.\n`);
    return 1;
  }
  return 0;
}
