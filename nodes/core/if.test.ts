import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import ifNode from './if';

describe('core.if', () => {
  it('sends items to "true" or "false"', async () => {
    const { outputs: out } = await runNode(ifNode, {
      params: { when: { mode: 'rules', conditions: [{ value1: '{{ $json.paidAt }}', operator: 'lt', value2: '2026-01-01' }] } },
      items: [{ n: 1, paidAt: '2025-12-31T23:00:00Z' }, { n: 2, paidAt: '2026-02-01' }, { n: 3 }],
    });
    expect(out.true.map((i) => i.json.n)).toEqual([1]);
    expect(out.false.map((i) => i.json.n)).toEqual([2, 3]);
  });

  it('evaluates a boolean expression per item', async () => {
    const { outputs: out } = await runNode(ifNode, {
      params: { when: { mode: 'expression', condition: '{{ $json.tags.includes("vip") }}' } },
      items: [{ tags: ['vip'] }, { tags: [] }],
    });
    expect(out.true).toHaveLength(1);
    expect(out.false).toHaveLength(1);
  });

  it('reports a bad regular expression with its path at validation, or at run time when an expression gives it', async () => {
    const { problems } = ifNode.validate({ when: { mode: 'rules', conditions: [{ value1: 'x', operator: 'matches', value2: '[' }] } });
    expect(problems).toEqual([expect.objectContaining({ code: 'param.invalid', path: 'params.when.conditions[0].value2', message: expect.stringMatching(/^"\[" is not a valid regular expression/) })]);
    await expect(runNode(ifNode, {
      params: { when: { mode: 'rules', conditions: [{ value1: 'x', operator: 'matches', value2: '{{ "(a)\\\\1" }}' }] } },
      items: [{}],
    })).rejects.toMatchObject({ code: 'param.invalid', path: 'params.when.conditions[0].value2', message: expect.stringMatching(/"\(a\)\\1" uses a backreference/) });
  });
});
