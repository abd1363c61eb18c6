/**
 * Import figures over the shared corpus: per source tool, the share of nodes mapped to a real
 * Junction node (not a placeholder), the share of flows imported with no report line at all,
 * and the time to import the whole corpus (min and median of several passes, in process).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile, type ImportResult } from '../engine/import';
import { builtinRegistry } from '../engine/registry';

export interface ToolFigures {
  tool: string; files: number; failedFiles: number; nodes: number; mapped: number; mappedHere: number; placeholders: number;
  canvasNotes: number; dropped: number; flows: number; cleanFlows: number; quietFlows: number; passesMs: number[];
}

export function importFigures(corpus: string, passes = 5): ToolFigures[] {
  const out: ToolFigures[] = [];
  for (const tool of ['n8n', 'node-red']) {
    const dir = join(corpus, tool);
    if (!existsSync(dir)) continue;
    const texts = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
    const f: ToolFigures = { tool, files: texts.length, failedFiles: 0, nodes: 0, mapped: 0, mappedHere: 0, placeholders: 0, canvasNotes: 0, dropped: 0, flows: 0, cleanFlows: 0, quietFlows: 0, passesMs: [] };
    const results: (ImportResult | undefined)[] = texts.map(({ name, text }) => {
      try { return importFile(text, { fileName: name }); } catch { f.failedFiles++; return undefined; }
    });
    for (const r of results) {
      for (const flow of r?.flows ?? []) {
        f.flows++;
        if (!flow.notes.length && !(r?.notes.length)) f.cleanFlows++;
        // Info lines (the Node-RED msg → item rule every flow gets) say how, not what was lost.
        if (![...flow.notes, ...(r?.notes ?? [])].some((n) => n.severity !== 'info')) f.quietFlows++;
        for (const n of flow.nodes) {
          if (n.outcome === 'folded' && !n.junctionType) { f.canvasNotes++; continue; }
          f.nodes++;
          if (n.outcome === 'mapped') { f.mapped++; if (n.junctionType && builtinRegistry().versions(n.junctionType).length) f.mappedHere++; }
          else if (n.outcome === 'placeholder') f.placeholders++;
          else if (n.outcome === 'dropped') f.dropped++;
        }
      }
    }
    for (let i = 0; i < passes; i++) {
      const t0 = performance.now();
      for (const { name, text } of texts) { try { importFile(text, { fileName: name }); } catch { /* counted above */ } }
      f.passesMs.push(performance.now() - t0);
    }
    out.push(f);
  }
  return out;
}
