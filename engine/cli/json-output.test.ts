import { describe, expect, it } from 'vitest';
import { jsonText, MAX_OUTPUT_DEPTH } from './json-output';

describe('jsonText', () => {
  it('prints data 6,000 levels deep, cut at the documented depth, without overflowing the stack', () => {
    let o: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 6000; i++) o = { a: o };
    const text = jsonText({ output: o });
    expect(text).toContain(`nested deeper than ${MAX_OUTPUT_DEPTH} levels; not shown`);
    expect(text).not.toContain('leaf');
  });

  it('prints shallow data exactly as JSON.stringify does', () => {
    const value = { a: [1, { b: 'c' }], d: null };
    expect(jsonText(value)).toBe(JSON.stringify(value, null, 2));
  });
});
