import { describe, expect, expectTypeOf, it } from 'vitest';
import { checkParams, isShown } from './check-params';
import { defineNode } from './define-node';
import { p, type Infer } from './schema';

const http = p.object({
  method: p.select(['GET', 'POST']).default('POST'),
  body: p.json().required().showWhen({ method: ['POST'] }),
  query: p.keyValue().showWhen({ method: ['GET'] }),
});

const node = (params: ReturnType<typeof p.object>) => defineNode({
  type: 'test.schema', version: 1, title: 'T', category: 'utility', description: 'd', inputs: ['main'], outputs: ['main'],
  params, execute: () => ({ main: [] }),
});

describe('checkParams and showWhen', () => {
  it('a required field shown by a sibling\'s default is required (the inspector asks the same function)', () => {
    const { problems } = checkParams(http.spec, {}, 'params');
    expect(problems).toEqual([{ path: 'params.body', code: 'param.required', message: 'is required' }]);
    expect(isShown(http.spec.fields!.body, {}, http.spec.fields!)).toBe(true);
    expect(isShown(http.spec.fields!.query, {}, http.spec.fields!)).toBe(false);
    expect(checkParams(http.spec, { method: 'GET' }, 'params').problems).toEqual([]);
  });

  it('a hidden field is optional in the inferred type, whatever order the modifiers come in', () => {
    type Params = Exclude<Infer<typeof http>, undefined>;
    expectTypeOf<Params['body']>().toEqualTypeOf<unknown>();
    const later = p.object({ mode: p.select(['a', 'b']).default('a'), x: p.string().showWhen({ mode: ['b'] }).required(), y: p.string().required().showWhen({ mode: ['b'] }) });
    type Later = Exclude<Infer<typeof later>, undefined>;
    expectTypeOf<Later['x']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Later['y']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Later['mode']>().toEqualTypeOf<'a' | 'b'>();
  });

  it('fails at definition time on a showWhen that names no sibling or a value the sibling cannot hold', () => {
    expect(() => node(p.object({ method: p.select(['GET', 'POST']), body: p.json().showWhen({ methd: ['POST'] }) })))
      .toThrow(/params\.body: showWhen names "methd", which is not a field beside it \(fields: method\)/);
    expect(() => node(p.object({ method: p.select(['GET', 'POST']), body: p.json().showWhen({ method: ['PUT'] }) })))
      .toThrow(/showWhen expects method = "PUT", which method cannot hold/);
    expect(() => node(p.object({ opts: p.object({ a: p.boolean(), b: p.string().showWhen({ c: [true] }) }) })))
      .toThrow(/params\.opts\.b: showWhen names "c"/);
  });

  it('fails at definition time on a default its own field refuses', () => {
    expect(() => node(p.object({ size: p.number().int().default(0).min(1) }))).toThrow(/params\.size: the default 0 breaks the field's own rules \(must be at least 1\)/);
    expect(() => node(p.object({ mode: p.select(['a', 'b']).default('c' as 'a') }))).toThrow(/params\.mode: the default "c" breaks the field's own rules \(must be one of/);
    expect(() => node(p.object({ tags: p.list(p.string()).min(1).default([]) }))).toThrow(/params\.tags: the default \[\] breaks the field's own rules \(add at least 1 entry\)/);
    expect(() => node(p.object({ size: p.number().int().min(1).default(10) }))).not.toThrow();
  });
});
