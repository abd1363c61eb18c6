import { describe, expect, it } from 'vitest';
import { translateValue } from './expressions';

const ok = (v: string) => {
  const t = translateValue(v);
  if (!t.ok) throw new Error(t.reason);
  return t.value;
};
const refused = (v: string) => {
  const t = translateValue(v);
  if (t.ok) throw new Error(`translated to ${String(t.value)}`);
  return t;
};

describe('n8n expressions as Junction templates', () => {
  it('keeps plain text and drops the = of expressions', () => {
    expect(ok('hello')).toBe('hello');
    expect(ok('=plain')).toBe('plain');
    expect(ok('={{ $json.amount * 2 }}')).toBe('{{ $json.amount * 2 }}');
    expect(ok('=Hi {{ $json.name }}!')).toBe('Hi {{ $json.name }}!');
  });

  it('translates n8n globals to Junction scope names', () => {
    expect(ok('={{ $node["Get user"].json.email }}')).toBe("{{ $('Get user').item.json.email }}");
    expect(ok("={{$node['Get user'].json[\"e-mail\"]}}")).toBe("{{ $('Get user').item.json[\"e-mail\"] }}");
    expect(ok('={{ $items("Orders").length }}')).toBe("{{ $('Orders').all().length }}");
    expect(ok('={{ $input.item.json.x }}')).toBe('{{ $json.x }}');
    expect(ok('={{ $execution.id }}-{{ $workflow.name }}')).toBe('{{ $run.id }}-{{ $flow.name }}');
    expect(ok('={{ $itemIndex + 1 }}')).toBe('{{ $index + 1 }}');
    expect(ok("={{ $('Orders').first().json.id }}")).toBe("{{ $('Orders').first().json.id }}");
    expect(ok('={{ $now.toFormat("yyyy-MM-dd") }}')).toBe('{{ $now.toFormat("yyyy-MM-dd") }}');
  });

  it('leaves names inside strings alone', () => {
    expect(ok('={{ "$node is text" + $json.a }}')).toBe('{{ "$node is text" + $json.a }}');
  });

  it('rewrites the safe JavaScript habits: a closing semicolon, new Date(), plain-text regex replace', () => {
    expect(ok('={{ $json.a; }}')).toBe('{{ $json.a }}');
    expect(ok('={{ new Date().toISOString() }}')).toBe('{{ $now.toUTC().toISO() }}');
    expect(ok("={{ $json.q.replace(/'/g, \"''\") }}")).toBe("{{ $json.q.replaceAll(\"'\", \"''\") }}");
  });

  it('refuses what has no equivalent, with the reason', () => {
    expect(refused('={{ $node["X"].parameter.url }}').reason).toMatch(/\.json and \.binary/);
    expect(refused('={{ $runIndex }}').reason).toMatch(/\$runIndex/);
    expect(refused("={{ $('X').itemMatching(0).json }}").reason).toMatch(/itemMatching/);
    expect(refused('={{ $json.a.replace(/a+/, "") }}').reason).toMatch(/Regular expression/);
    const kept = refused('={{ $items("A", 0, 1) }}');
    expect(kept.value).toBe('{{ $items("A", 0, 1) }}');
  });

  it('flags literal text that Junction would read as an expression', () => {
    expect(refused("<img src=\"{{ 'IMAGE' | file_img_url }}\">").reason).toMatch(/literal text/);
  });
});
