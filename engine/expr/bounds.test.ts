import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileTemplate } from './index';
import { MAX_EVAL_MS, nodeBudget } from './limits';
import { errorOf, makeScope, run } from './test-scope';

// Regression tests for work that used to run unbounded on the engine's thread. Each asserts a
// clear error and a time bound generous enough for a loaded machine (today each took 10+ s).

const timed = (f: () => unknown): { err: { code: string; message: string }; ms: number } => {
  const t0 = performance.now();
  const err = errorOf(f);
  return { err, ms: performance.now() - t0 };
};

describe('sizes are checked before a growing native allocates', () => {
  it("normalize('NFKD') of 10 million 'ﷺ' (each becomes 18 characters) fails at once, in small memory", () => {
    const before = process.memoryUsage().rss;
    const { err, ms } = timed(() => run("{{ ['a','b','c','d'].map(x => 'ﷺ'.repeat(1e7).normalize('NFKD')) }}"));
    expect(err.code).toBe('expr.size');
    expect(err.message).toMatch(/would produce text of .* characters; the limit is 10,485,760/);
    expect(ms).toBeLessThan(2_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024); // it reached 4.7 GB
  });

  it('case mappings, URI and base64 encoding are measured before they grow past the cap', () => {
    expect(errorOf(() => run("{{ 'ΐ'.repeat(5e6).toUpperCase() }}")).code).toBe('expr.size');
    expect(errorOf(() => run("{{ 'é'.repeat(2e6).urlEncode() }}")).code).toBe('expr.size');
    expect(errorOf(() => run("{{ encodeURIComponent('é'.repeat(2e6)) }}")).code).toBe('expr.size');
    expect(errorOf(() => run("{{ '€'.repeat(4e6).base64Encode() }}")).code).toBe('expr.size');
    expect(run("{{ 'straße'.toUpperCase() }}")).toBe('STRASSE');
    expect(run("{{ 'ﷺ'.normalize('NFKD').length }}")).toBe(18);
  });

  it('an invalid normalization form is a clear error', () => {
    expect(errorOf(() => run("{{ 'a'.normalize('NFX') }}")).message).toMatch(/normalization form should be one of NFC, NFD, NFKC, NFKD/);
  });
});

describe('work is charged by the size it touches', () => {
  it('comparing two 10 MB strings over and over ends at the step budget (took 133 s)', () => {
    const a = 'x'.repeat(10_000_000);
    const json = { a, b: a.slice(0, -1) + 'x' }; // equal content, different strings
    const { err, ms } = timed(() => run('{{ Array.from({ length: 999990 }).map(() => $json.a === $json.b).length }}', json));
    expect(err.code).toBe('expr.budget');
    expect(ms).toBeLessThan(2_000);
    expect(errorOf(() => run('{{ Array.from({ length: 999990 }).filter(() => $json.a < $json.b).length }}', json)).code).toBe('expr.budget');
  });

  it('equality of short values still works as in JavaScript', () => {
    expect(run('{{ $json.a === $json.b && $json.a == "x" && !($json.a != "x") }}', { a: 'x', b: 'x' })).toBe(true);
  });
});

describe('the clock', () => {
  afterEach(() => { vi.restoreAllMocks(); });

  it(`ends an evaluation that runs past ${MAX_EVAL_MS} ms with a clear error`, () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 1_000)); // every checkpoint a second later
    const err = errorOf(() => run('{{ Array.from({ length: 200000 }).map((x, i) => i).length }}'));
    expect(err.code).toBe('expr.timeout');
    expect(err.message).toMatch(/^Expression took longer than 5,000 ms/);
  });
});

describe('the budget per node run', () => {
  it('is shared by every evaluation of the node run, then every one fails at once', () => {
    const t = compileTemplate('{{ $json.list.map(x => x).length }}');
    const scope = makeScope({ list: Array.from({ length: 400_000 }, (_, i) => i) }, { budget: nodeBudget(0) });
    let evaluated = 0;
    const t0 = performance.now();
    const err = errorOf(() => { for (;;) { t.evaluate(scope); evaluated++; } });
    expect(err.code).toBe('expr.budget');
    expect(err.message).toMatch(/^Expressions of this node stopped after 10,000,000 steps in this run/);
    expect(evaluated).toBe(12); // 800,000 steps each: a step per element made and per callback
    const again = errorOf(() => compileTemplate('{{ 1 + 1 }}').evaluate(scope));
    expect(again.message).toMatch(/^Expressions of this node stopped/);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('grows with the node run\'s items', () => {
    expect(nodeBudget(20_000).total).toBe(30_000_000);
  });
});
