import { describe, expect, it } from 'vitest';
import { p } from '../sdk';
import { runNode } from '../sdk/testing';
import { defineNode } from '../sdk';

const fields = p.object({
  fields: p.list(p.object({ name: p.string().literal(), value: p.value(), extra: p.object({ tag: p.string() }) })).default([]),
});

/** A node that reports what `paramReader` and `paramsAsWritten` give it. */
const probe = defineNode({
  type: 'test.probe', version: 1, title: 'Probe', category: 'utility', description: 'reads params per item',
  inputs: ['main'], outputs: ['main'], params: fields,
  execute(ctx) {
    const value = ctx.paramReader(['fields', 0, 'value']);
    const extra = ctx.paramReader(['fields', 0, 'extra']);
    const missing = ctx.paramReader(['fields', 5, 'value']);
    const seen = ctx.items.map((item, index) => ({ json: { value: value(item, index), extra: extra(item, index), missing: missing(item, index) ?? null } }));
    const extras = ctx.items.map((item, index) => extra(item, index));
    return { main: [...seen, { json: { asWritten: ctx.paramsAsWritten.fields[0].value, sameExtra: extras.every((x) => x === extras[0]) } }] };
  },
});

describe('per-item params', () => {
  it('resolve the expression leaves per item and hand out constant fields as they are', async () => {
    const { outputs: out } = await runNode(probe, { params: { fields: [{ name: 'a', value: '{{ $json.n * 2 }}', extra: { tag: 'fixed' } }] }, items: [{ n: 1 }, { n: 4 }] });
    expect(out.main.map((i) => i.json)).toEqual([
      { value: 2, extra: { tag: 'fixed' }, missing: null },
      { value: 8, extra: { tag: 'fixed' }, missing: null },
      { asWritten: '{{ $json.n * 2 }}', sameExtra: true },
    ]);
  });

  it('name the item when an expression fails on it, whatever its position', async () => {
    const params = { fields: [{ name: 'a', value: '{{ $json.x.y }}', extra: { tag: 't' } }] };
    await expect(runNode(probe, { params, items: [{ x: { y: 1 } }, {}] })).rejects.toThrow(/^item 1: /);
    await expect(runNode(probe, { params, items: [{}, { x: { y: 1 } }] })).rejects.toThrow(/^item 0: /);
  });
});
