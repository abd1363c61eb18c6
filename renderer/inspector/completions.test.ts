import { describe, expect, it } from 'vitest';
import { openExpression, segmentsOf, suggest, type ExprContext } from './completions';

const ctx: ExprContext = {
  fields: [
    { path: 'id', type: 'number', node: 'Fetch', example: '7' },
    { path: 'customer.email', type: 'string', node: 'Fetch', example: 'ada@example.com' },
    { path: 'customer["first name"]', type: 'string', node: 'Fetch' },
    { path: 'lines[0].sku', type: 'string', node: 'Fetch' },
    { path: 'total', type: 'number', node: 'Start' },
  ],
  parentNames: ['Fetch'],
  upstreamNames: ['Start', 'Fetch'],
};
const labels = (before: string) => suggest(before, ctx).map((s) => s.label);

describe('expression completions', () => {
  it('only suggests inside an open {{', () => {
    expect(openExpression('a {{ b }} c')).toBeUndefined();
    expect(openExpression('a {{ $js')).toBe(' $js');
    expect(suggest('Hello $json.', ctx)).toEqual([]);
  });

  it('reads the engine\'s path spelling', () => {
    expect(segmentsOf('a["first name"].b[0]')).toEqual(['a', 'first name', 'b', '0']);
    expect(segmentsOf("x['y.z']")).toEqual(['x', 'y.z']);
    expect(segmentsOf('tags[]')).toEqual(['tags', '0']);
  });

  it('offers roots and upstream nodes', () => {
    const out = suggest('{{ $js', ctx);
    expect(out.map((s) => s.label)).toContain('$json');
    expect(out.map((s) => s.label)).toContain("$('Start')");
    expect(out.find((s) => s.label === '$json')!.replace).toBe(3);
  });

  it('walks $json paths of the parent nodes', () => {
    expect(labels('{{ $json.')).toEqual(['id', 'customer', 'lines']);
    expect(labels('{{ $json.customer.').slice(0, 2)).toEqual(['email', 'first name']);
    const spaced = suggest('{{ $json.customer.fi', ctx).find((s) => s.label === 'first name')!;
    expect(spaced).toMatchObject({ insertText: "['first name']", replace: 3, filterText: '.first name' });
    expect(labels('{{ $json.lines.')).toEqual(['[0]']);
    expect(labels('{{ $json.lines[0].')).toEqual(['sku']);
  });

  it('adds methods for the type of a known field', () => {
    expect(labels('{{ $json.customer.email.')).toContain('toUpperCase()');
    expect(labels('{{ $now.')).toContain('toFormat()');
  });

  it('reads other nodes through $() and $input', () => {
    expect(labels("{{ $('")).toEqual(['Start', 'Fetch']);
    expect(suggest("{{ $('St", ctx)[0]).toMatchObject({ insertText: "Start')", replace: 2 });
    expect(labels("{{ $('Start').")).toEqual(['item', 'all()', 'first()', 'last()']);
    expect(labels("{{ $('Start').item.json.")).toEqual(['total']);
    expect(labels('{{ $input.first().json.')).toEqual(['id', 'customer', 'lines']);
  });
});
