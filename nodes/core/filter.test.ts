import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import filter from './filter';

const orders = [
  { id: 1, amount: 700, country: 'DE', email: 'a@x.io' },
  { id: 2, amount: '250', country: 'FR', email: '' },
  { id: 3, amount: '1200', country: 'de', email: 'c@y.io' },
  { id: 4, country: 'DE' },
];

describe('core.filter', () => {
  it('keeps items meeting all conditions; numeric text compares as a number', async () => {
    const { outputs: out } = await runNode(filter, {
      params: { when: { mode: 'rules', combine: 'and', ignoreCase: true, conditions: [
        { value1: '{{ $json.amount }}', operator: 'gt', value2: 500 },
        { value1: '{{ $json.country }}', operator: 'equals', value2: 'DE' },
      ] } },
      items: orders,
    });
    expect(out.main.map((i) => i.json.id)).toEqual([1, 3]);
    expect(out.discarded.map((i) => i.json.id)).toEqual([2, 4]);
  });

  it('combines with or', async () => {
    const { outputs: out } = await runNode(filter, {
      params: { when: { mode: 'rules', combine: 'or', conditions: [
        { value1: '{{ $json.email }}', operator: 'isEmpty' },
        { value1: '{{ $json.email }}', operator: 'endsWith', value2: '@y.io' },
      ] } },
      items: orders,
    });
    expect(out.main.map((i) => i.json.id)).toEqual([2, 3, 4]);
  });

  it('passes the same item objects on', async () => {
    const items = orders.map((json) => ({ json }));
    const { outputs: out } = await runNode(filter, {
      params: { when: { mode: 'rules', conditions: [{ value1: '{{ $json.amount }}', operator: 'exists' }] } },
      items,
    });
    expect(out.main[0]).toBe(items[0]);
    expect(out.discarded).toEqual([items[3]]);
  });

  it('takes one boolean expression instead of rules', async () => {
    const { outputs: out } = await runNode(filter, {
      params: { when: { mode: 'expression', condition: '{{ $json.amount > 500 }}' } },
      items: [{ amount: 100 }, { amount: 900 }],
    });
    expect(out.main.map((i) => i.json.amount)).toEqual([900]);
  });

  it('fails clearly when the expression gives something that is not true or false', async () => {
    await expect(runNode(filter, {
      params: { when: { mode: 'expression', condition: '{{ $json.name }}' } },
      items: [{ name: 'Anna' }],
    })).rejects.toMatchObject({ code: 'param.invalid', message: expect.stringContaining('must give true or false') });
  });

  it('rejects an operator it does not know at validation', () => {
    const { problems } = filter.validate({ when: { mode: 'rules', conditions: [{ value1: 1, operator: 'bigger', value2: 0 }] } });
    expect(problems[0].path).toBe('params.when.conditions[0].operator');
  });
});

describe('core.filter with untrusted patterns', () => {
  it('runs patterns that backtrack exponentially on V8 in linear time', async () => {
    // `^(a|a)*$` passed the old star-height check and doubled per character: 28 took 10.7 s.
    const t0 = performance.now();
    const { outputs: out } = await runNode(filter, {
      params: { when: { mode: 'rules', combine: 'or', conditions: [
        { value1: '{{ $json.s }}', operator: 'matches', value2: '^(a|a)*$' },
        { value1: '{{ $json.s }}', operator: 'matches', value2: '(a+)+$' },
      ] } },
      items: [{ s: `${'a'.repeat(28)}!` }, { s: `${'a'.repeat(40)}!` }, { s: 'aaaa' }],
    });
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(out.main.map((i) => i.json.s)).toEqual(['aaaa']);
  });

  it('refuses backreferences and lookaround at validation, naming the pattern', () => {
    const { problems } = filter.validate({ when: { mode: 'rules', conditions: [{ value1: 'x', operator: 'matches', value2: '/(?<=\\$)\\d+/i' }] } });
    expect(problems).toEqual([expect.objectContaining({ path: 'params.when.conditions[0].value2', message: expect.stringMatching(/^"\(\?<=\\\$\)\\d\+" uses a lookbehind/) })]);
  });
});
