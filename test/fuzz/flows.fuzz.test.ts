import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzzFlows } from './fuzz-flows';
import { TEST_SCALE } from './mutations';

// A few seconds on an idle 2-core machine; `npm run fuzz` is the long run at full sizes.
const COUNT = Number(process.env.JUNCTION_FUZZ_COUNT ?? 600);

describe('flow file fuzzer', () => {
  it(`feeds ${COUNT.toLocaleString('en-US')} seeded mutations of the examples through validate, open, save, import and run`, async () => {
    const report = await fuzzFlows({
      seed: 20_260_611, count: COUNT, scale: TEST_SCALE, importEvery: 4, runEvery: 2, runDeadlineMs: 15_000,
      examplesDir: resolve(__dirname, '../../examples'),
    });
    // Slow reads are counted, not failed on: a busy shared machine stretches any one case.
    const faults = report.faults.filter((f) => f.kind !== 'slow');
    if (faults.length) console.log(report.stageMs);
    expect(faults).toEqual([]);
    expect(report).toMatchObject({ cases: COUNT, uncaught: 0, hangs: 0, pathless: 0, unbounded: 0 });
    // The mutations reach every stage: most files have problems, some are refused, some run.
    expect(report.problems).toBeGreaterThan(COUNT);
    expect(report.refused).toBeGreaterThan(0);
    expect(report.runs).toBeGreaterThan(5);
  }, 120_000);
});
