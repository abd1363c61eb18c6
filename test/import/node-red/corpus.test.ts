import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../../../engine/expr';
import { importNodeRed } from '../../../engine/import/node-red';
import type { ImportResult } from '../../../engine/import/types';
import { CORPUS } from './run-imported';
import { importProblems } from '../flow-problems';

const corpusDir = CORPUS;
const files = readdirSync(corpusDir).filter((f) => f.endsWith('.json')).sort();

/** Every source object is accounted for: a flow (tabs), an imported node record, or a report line at its path. */
function unaccounted(source: { id: string; type: string }[], r: ImportResult): string[] {
  const paths = new Set<string>();
  for (const f of r.flows) {
    for (const n of f.nodes) paths.add(n.path);
    for (const n of f.notes) paths.add(n.path.replace(/^(\$\[\d+\]).*$/, '$1'));
  }
  for (const n of r.notes) paths.add(n.path.replace(/^(\$\[\d+\]).*$/, '$1'));
  const flowIds = new Set(r.flows.map((f) => f.flow.id));
  return source.flatMap((n, i) => (paths.has(`$[${i}]`) || (n.type === 'tab' && flowIds.has(`node-red-${n.id}`)) ? [] : [`$[${i}] ${n.type}`]));
}

describe('Node-RED corpus import', () => {
  it('has the 27 files of the corpus', () => expect(files).toHaveLength(27));

  it.each(files)('%s: imports, one flow per tab, validates, accounts for every node', (file) => {
    const text = readFileSync(join(corpusDir, file), 'utf8');
    const source = JSON.parse(text) as { id: string; type: string; z?: string }[];
    const r = importNodeRed(text, { fileName: file });
    expect(r.source).toBe('node-red');
    expect([...r.notes, ...r.flows.flatMap((f) => f.notes)].filter((n) => n.severity === 'error')).toEqual([]);

    const tabs = source.filter((n) => n.type === 'tab');
    for (const t of tabs) expect(r.flows.map((f) => f.flow.id)).toContain(`node-red-${t.id}`);
    // Without tab objects, the nodes' z values (the tabs they were exported from) give the flows.
    if (!tabs.length) {
      const zs = new Set(source.filter((n) => n.z && !source.some((s) => s.id === n.z)).map((n) => n.z));
      expect(r.flows).toHaveLength(zs.size);
    }
    for (const f of r.flows) expect(importProblems(f.flow), f.flow.name).toEqual([]);
    expect(unaccounted(source, r)).toEqual([]);
    // Every {{ }} the import wrote compiles, also in params of node types this branch cannot validate.
    const bad: string[] = [];
    const walk = (v: unknown, at: string) => {
      if (typeof v === 'string' && v.includes('{{')) { const p = checkTemplate(v); if (p) bad.push(`${at}: ${p.message}`); }
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
    };
    for (const f of r.flows) for (const n of f.flow.nodes) if (n.type !== 'import.placeholder') walk(n.params, `${f.flow.name}/${n.name}`);
    expect(bad).toEqual([]);
    // Every mapped node record points at a node that exists in its flow.
    for (const f of r.flows) for (const n of f.nodes) if (n.nodeId) expect(f.flow.nodes.some((x) => x.id === n.nodeId)).toBe(true);
  });

  it('reports each flow\'s msg → item rule once, as an info line', () => {
    for (const file of files) {
      const r = importNodeRed(readFileSync(join(corpusDir, file), 'utf8'), { fileName: file });
      for (const f of r.flows.filter((x) => x.flow.nodes.length)) {
        expect(f.notes.filter((n) => n.message.startsWith('Node-RED messages became items'))).toHaveLength(1);
      }
    }
  });

  it('resolves link pairs and junctions into edges and inlines subflow instances', () => {
    const read = (f: string) => importNodeRed(readFileSync(join(corpusDir, f), 'utf8'), { fileName: f });
    const chart = read('FlowFuse__node-red-dashboard__dashboard-chart-interpolation.json').flows[0];
    // The junction fans out to five charts: five edges from the node wired into it, no junction node.
    expect(chart.flow.nodes.some((n) => n.id.includes('junction'))).toBe(false);
    expect(chart.nodes.find((n) => n.sourceType === 'junction')?.outcome).toBe('folded');

    const test01 = read('node-red__flow-parser__test-01.json');
    const inlined = test01.flows.flatMap((f) => f.flow.nodes).filter((n) => n.id.includes('~'));
    expect(inlined.length).toBeGreaterThan(0);
    expect(test01.flows.flatMap((f) => f.nodes).some((n) => n.sourceType === 'link in' && n.outcome === 'folded')).toBe(true);

    const across = read('node-red__node-red__common-link-02-Link-across-tabs.json');
    expect(across.flows).toHaveLength(2);
    expect(across.flows.flatMap((f) => f.notes).some((n) => n.kind === 'connection' && /another tab/.test(n.message))).toBe(true);
  });
});
