// Node-RED import figures over the corpus: the share of source flow nodes that became a real
// Junction node (not a placeholder), the share of flows imported with no report line beyond
// the msg → item rule every flow gets, and the time to import the whole corpus.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importNodeRed } from '../engine/import/node-red';

export function measureNodeRedImport(dir: string, reps = 20) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
  const outcomes = { mapped: 0, placeholder: 0, folded: 0, dropped: 0 };
  let flows = 0;
  let clean = 0;
  let empty = 0;
  let noWarnings = 0;
  for (const f of files) {
    const r = importNodeRed(f.text, { fileName: f.name });
    for (const flow of r.flows) {
      flows++;
      if (!flow.flow.nodes.length) empty++;
      for (const n of flow.nodes) outcomes[n.outcome]++;
      const lines = flow.notes.filter((n) => !n.message.startsWith('Node-RED messages became items'));
      if (!lines.length) clean++;
      if (flow.flow.nodes.length && !flow.notes.some((n) => n.severity !== 'info')) noWarnings++;
    }
  }
  const times: number[] = [];
  for (let i = 0; i < reps + 1; i++) {
    const t = performance.now();
    for (const f of files) importNodeRed(f.text, { fileName: f.name });
    if (i > 0) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const placed = outcomes.mapped + outcomes.placeholder;
  return {
    files: files.length, flows, outcomes,
    mappedShare: outcomes.mapped / placed, cleanFlowShare: clean / flows, cleanFlows: clean, emptyFlows: empty, noWarnings,
    minMs: times[0], medianMs: times[Math.floor(times.length / 2)],
  };
}
