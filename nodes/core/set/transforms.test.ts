import { describe, expect, it } from 'vitest';
import { runNode } from '../../../engine/sdk/testing';
import setNode from './set';

// The date transform reads formats from the flow file; luxon turns a format into a backtracking
// regex, and `'Hm'.repeat(15)` against 61 digits took 52 s for one item.
const SLOW_FORMAT = 'Hm'.repeat(15);
const SLOW_TEXT = `${'1'.repeat(61)}x`;

const problems = (params: Record<string, unknown>) => setNode.validate(params).problems.map((p) => `${p.path}: ${p.message}`);

describe('core.set: formatDate with formats from the flow file', () => {
  it('refuses a format that would backtrack, at validation, with the field path', () => {
    expect(problems({ fields: [{ name: 'd', value: SLOW_TEXT, transforms: [{ kind: 'formatDate', from: SLOW_FORMAT, to: 'iso' }] }] })).toEqual([
      expect.stringMatching(/^params\.fields\[0\]\.transforms\[0\]\.from: The date format "HmHm.*" puts too many variable-width numbers next to each other/),
    ]);
    expect(problems({ fields: [{ name: 'd', value: 1, transforms: [{ kind: 'formatDate', to: 'y'.repeat(300) }] }] })).toEqual([
      'params.fields[0].transforms[0].to: The date format is longer than 200 characters',
    ]);
  });

  it('sends the item to "error" fast when the format comes from an expression', async () => {
    const t0 = performance.now();
    const { outputs: out } = await runNode(setNode, {
      params: { fields: [{ name: 'd', value: '{{ $json.text }}', transforms: [{ kind: 'formatDate', from: '{{ $json.format }}', to: 'iso' }] }] },
      items: [{ text: SLOW_TEXT, format: SLOW_FORMAT }, { text: '31.12.2023', format: 'dd.MM.yyyy' }, { text: 'x'.repeat(300), format: 'dd.MM.yyyy' }],
    });
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(out.main.map((i) => i.json.d)).toEqual(['2023-12-31T00:00:00.000Z']);
    expect(out.error.map((i) => (i.json.error as { message: string }).message)).toEqual([
      expect.stringMatching(/^d: The date format "HmHm.*" puts too many variable-width numbers next to each other/),
      "d: Date text longer than 256 characters can't be read with a format",
    ]);
  });
});
