import { describe, expect, it } from 'vitest';
import { importFile, PLACEHOLDER_TYPE } from '../../engine/import';
import { corpusFiles, leakedSecrets, unexplainedProblems } from './corpus-files';

const files = corpusFiles('n8n');

describe.skipIf(files.length === 0)('importing the n8n corpus', () => {
  it.each(files.map((f) => [f.name, f.text]))('%s', (name, text) => {
    const result = importFile(text, { fileName: name });
    expect(result.source).toBe('n8n');
    const [imported] = result.flows;
    const doc = JSON.parse(text.replace(/^\uFEFF/, ''));
    // No node disappears without a line: one entry per source node, and a note for each placeholder or drop.
    expect(imported.nodes).toHaveLength(doc.nodes.length);
    for (const n of imported.nodes.filter((x) => x.outcome === 'placeholder' || x.outcome === 'dropped')) {
      expect(imported.notes.some((note) => note.path === n.path && note.kind === 'node'), `${n.sourceName} has no report line`).toBe(true);
    }
    for (const node of imported.flow.nodes.filter((x) => x.type === PLACEHOLDER_TYPE)) expect(node.params.sourceType).toBeTruthy();
    expect(unexplainedProblems(imported)).toEqual([]);
    expect(leakedSecrets(text, imported)).toEqual([]);
    for (const node of imported.flow.nodes) {
      for (const ref of Object.values(node.credentials ?? {})) expect(Object.keys(ref).sort()).toEqual(['id', 'name', 'type']);
    }
  });
});
