import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import switchNode from './switch';

const rule = (value2: string, outputName?: string) => ({
  conditions: [{ value1: '{{ $json.region }}', operator: 'startsWith', value2 }],
  ...(outputName ? { outputName } : {}),
});
const items = [{ n: 1, region: 'EU-west' }, { n: 2, region: 'US' }, { n: 3, region: 'APAC' }, { n: 4, region: 'EU' }];
const ns = (list: { json: Record<string, unknown> }[]) => list.map((i) => i.json.n);

describe('core.switch', () => {
  it('has one output per rule and a fallback when asked', () => {
    expect(switchNode.outputsFor({ routing: { mode: 'rules', rules: [rule('EU'), rule('US'), rule('AP')] } })).toEqual(['0', '1', '2']);
    expect(switchNode.outputsFor({ routing: { mode: 'rules', rules: [rule('EU')] }, fallback: true })).toEqual(['0', 'fallback']);
    expect(switchNode.outputsFor({ routing: { mode: 'expression', output: '{{ 0 }}', outputs: 3 } })).toEqual(['0', '1', '2']);
    expect(switchNode.outputsFor({})).toEqual([]);
  });

  it('routes to the first matching rule; the rest go to fallback', async () => {
    const { outputs: out } = await runNode(switchNode, {
      params: { routing: { mode: 'rules', rules: [rule('EU', 'Europe'), rule('US')] }, fallback: true },
      items,
    });
    expect(ns(out['0'])).toEqual([1, 4]);
    expect(ns(out['1'])).toEqual([2]);
    expect(ns(out.fallback)).toEqual([3]);
  });

  it('drops unmatched items without a fallback', async () => {
    const { outputs: out } = await runNode(switchNode, { params: { routing: { mode: 'rules', rules: [rule('US')] } }, items });
    expect(Object.keys(out).filter((k) => !['logs', 'journal', 'state'].includes(k))).toEqual(['0']);
    expect(ns(out['0'])).toEqual([2]);
  });

  it('sends to every matching rule with allMatching', async () => {
    const rules = [rule('EU'), rule('EU-'), rule('US')];
    const { outputs: first } = await runNode(switchNode, { params: { routing: { mode: 'rules', rules } }, items });
    expect(ns(first['1'])).toEqual([]);
    const { outputs: all } = await runNode(switchNode, { params: { routing: { mode: 'rules', rules, allMatching: true } }, items });
    expect(ns(all['0'])).toEqual([1, 4]);
    expect(ns(all['1'])).toEqual([1]);
    expect(all['0'][0]).toBe(all['1'][0]);
  });

  it('routes by an expression giving the output number', async () => {
    const { outputs: out } = await runNode(switchNode, {
      params: { routing: { mode: 'expression', output: '{{ $json.n % 3 }}', outputs: 3 } },
      items,
    });
    expect(ns(out['0'])).toEqual([3]);
    expect(ns(out['1'])).toEqual([1, 4]);
    expect(ns(out['2'])).toEqual([2]);
  });

  it('sends an output number out of range to fallback, or fails without one', async () => {
    const params = { routing: { mode: 'expression', output: '{{ $json.n }}', outputs: 2 } };
    const { outputs: out } = await runNode(switchNode, { params: { ...params, fallback: true }, items });
    expect(ns(out['1'])).toEqual([1]);
    expect(ns(out.fallback)).toEqual([2, 3, 4]);
    await expect(runNode(switchNode, { params, items })).rejects.toMatchObject({
      code: 'param.invalid', message: expect.stringContaining('item 1: the output expression gave 2'),
    });
  });

  it('refuses a lookbehind in a rule\'s pattern at validation, with the rule\'s path', () => {
    const { problems } = switchNode.validate({ routing: { mode: 'rules', rules: [
      { conditions: [{ value1: '{{ $json.code }}', operator: 'matches', value2: '^A' }] },
      { conditions: [{ value1: '{{ $json.code }}', operator: 'matches', value2: '(?<=x)y' }] },
    ] } });
    expect(problems).toEqual([expect.objectContaining({ path: 'params.routing.rules[1].conditions[0].value2', message: expect.stringMatching(/^"\(\?<=x\)y" uses a lookbehind/) })]);
  });
});
