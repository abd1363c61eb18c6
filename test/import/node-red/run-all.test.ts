import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_TYPE } from '../../../engine/import/types';
import { builtinRegistry } from '../../../engine/registry';
import { CORPUS, importFile, runFrom } from './run-imported';

// Every corpus flow made only of node types Junction has (no placeholder, which refuses to run
// by design, no HTTP call to the internet) runs from each of its triggers without failing. What they output is checked
// against Node-RED's semantics in run.test.ts for the flows whose results the docs define.
const types = builtinRegistry();
const runnable = readdirSync(CORPUS).sort().flatMap((file) => importFile(file)
  .filter((f) => f.flow.nodes.length && f.flow.nodes.every((n) => types.get(n.type, 1) && n.type !== PLACEHOLDER_TYPE && n.type !== 'http.request'))
  .map((f) => [`${file} / ${f.flow.name}`, f.flow] as const));

describe('runnable imported corpus flows', () => {
  it('are found', () => expect(runnable.length).toBeGreaterThanOrEqual(8));

  it.each(runnable)('%s runs from each trigger', async (_, flow) => {
    for (const trigger of flow.nodes.filter((n) => n.type === 'trigger.manual')) {
      const r = await runFrom(flow, trigger.id);
      expect(r.error, `${trigger.name}: ${r.error?.message}`).toBeUndefined();
      expect(r.status).toBe('success');
    }
  });
});
