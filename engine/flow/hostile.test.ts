import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { testTypes } from '../../test/fixtures/test-nodes';
import { builtinRegistry } from '../registry';
import { p } from '../sdk';
import { checkParams } from '../sdk/check-params';
import { isJunctionError } from '../sdk/errors';
import type { FlowFile } from './types';
import { serializeFlow } from './canonical';
import { MAX_FLOW_DEPTH, MAX_LOOP_NESTING, MAX_PROBLEMS } from './limits';
import { parseFlowText } from './parse';
import { validateFlow } from './validate';
import { walkExpressions } from './walk-params';

// Regression tests for flow files crafted to crash or stall the reader (each example a
// security review's fuzzer found). None may throw; every answer is a bounded problem list.

/** `{"a":{"a":…}}` nested `depth` levels around `leaf`. */
function nested(depth: number, leaf: unknown = 1): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}
const withParams = (params: Record<string, unknown>, type = 'core.filter'): FlowFile =>
  buildFlow([{ name: 'Start', type: 'trigger.manual' }, { name: 'Check', type, params }], ['Start -> Check']);
/** A flow with edges given as [from, port, to] by node name (buildFlow looks names up one by one, too slow at 10,000). */
function chain(nodes: { name: string; type: string; params?: Record<string, unknown> }[], edges: [string, string, string][]): FlowFile {
  const flow = buildFlow(nodes, []);
  flow.edges = edges.map(([from, port, to], i) => ({ id: `e${i}`, from: { node: from, port }, to: { node: to, port: 'main' } }));
  return flow;
}
const codes = (problems: { code: string }[]) => problems.map((x) => x.code);

describe('reading hostile flow files', () => {
  it('rejects invalid JSON nested 100,000 levels deep with a problem, not a stack overflow in the error reporter', () => {
    const text = `{"format":"junction/flow@1","nodes":${'['.repeat(100_000)}x`;
    const { problems } = parseFlowText(text, testTypes);
    expect(problems).toEqual([expect.objectContaining({ path: '$', code: 'flow.too-deep' })]);
    expect(problems[0].message).toContain(`more than ${MAX_FLOW_DEPTH} levels`);
    expect(problems[0].message).toMatch(/line 1, column \d+/);
  });

  it('rejects valid JSON nested 10,000 levels deep before any walk over it', () => {
    const deep = `${'{"a":'.repeat(10_000)}"{{ $json.x }}"${'}'.repeat(10_000)}`;
    const text = JSON.stringify(withParams({ when: { mode: 'expression', condition: 'DEEP' } })).replace('"DEEP"', deep);
    expect(codes(parseFlowText(text, builtinRegistry()).problems)).toEqual(['flow.too-deep']);
    const doc = JSON.parse(text);
    expect(validateFlow(doc, builtinRegistry()).problems).toEqual([expect.objectContaining({ code: 'flow.too-deep', path: expect.stringMatching(/^\$\.nodes\[1\]\.params\.when\.condition\.a\.a/) })]);
  });

  it('counts brackets inside strings as text', () => {
    const flow = withParams({ when: { mode: 'expression', condition: `{{ ${JSON.stringify('['.repeat(5_000))}.length > 1 }}` } });
    expect(parseFlowText(JSON.stringify(flow), builtinRegistry()).problems).toEqual([]);
  });

  it('refuses to write a flow nested 10,000 levels deep canonically, with a clear error', () => {
    const flow = { ...withParams({}), pinned: { Start: [nested(10_000) as Record<string, unknown>] } };
    let error: unknown;
    try { serializeFlow(flow); } catch (e) { error = e; }
    expect(isJunctionError(error) && error.code).toBe('flow.too-deep');
  });

  it('names a cycle of 10,000 nodes as one problem of bounded size', () => {
    const n = 10_000;
    const names = Array.from({ length: n }, (_, i) => `N${i}`);
    const flow = chain(names.map((name) => ({ name, type: 'test.double' })), names.map((name, i) => [name, 'main', names[(i + 1) % n]]));
    const { problems } = validateFlow(flow, testTypes);
    expect(codes(problems)).toEqual(['flow.cycle']);
    expect(problems[0].message.length).toBeLessThan(1_000);
  });

  it('checks a select param holding a 2,000,000-character value without echoing it whole', () => {
    const { problems } = checkParams(p.select(['a', 'b']).spec, 'y'.repeat(2_000_000), 'params.how');
    expect(problems).toEqual([expect.objectContaining({ path: 'params.how', code: 'param.invalid' })]);
    expect(problems[0].message.length).toBeLessThan(200);
  });

  it('refuses a variant tag nested 10,000 levels deep (a list turned to text recursively)', () => {
    let tag: unknown = 'rules';
    for (let i = 0; i < 10_000; i++) tag = [tag];
    const { problems } = validateFlow(withParams({ when: { mode: tag } }), builtinRegistry());
    expect(codes(problems)).toEqual(['flow.too-deep']);
  });

  it('walks expressions in a param value nested 10,000 levels deep without recursion', () => {
    const seen: string[] = [];
    walkExpressions({ kind: 'value' }, nested(10_000, '{{ $json.x }}'), 'params.v', (source) => seen.push(source));
    expect(seen).toEqual(['{{ $json.x }}']);
  });

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])('rejects the variant tag "%s", which is not one of the cases', (tag) => {
    // JSON.parse makes `__proto__` an own key, as reading a file does.
    const doc = withParams(JSON.parse(`{"when":{"mode":${JSON.stringify(tag)}}}`));
    const { problems } = validateFlow(doc, builtinRegistry());
    expect(problems).toEqual([expect.objectContaining({ path: '$.nodes[1].params.when.mode', code: 'param.invalid' })]);
  });

  it('validates 3,000 chained Loop nodes with a bounded list of problems', () => {
    const n = 3_000;
    const names = Array.from({ length: n }, (_, i) => `L${i}`);
    // Each loop's batch and done ports both lead to the next loop: every loop nests all the later ones.
    const edges = names.slice(0, -1).flatMap((name, i): [string, string, string][] => [[name, 'batch', names[i + 1]], [name, 'done', names[i + 1]]]);
    const flow = chain(names.map((name) => ({ name, type: 'test.loop', params: { batchSize: 10 } })), edges);
    expect(serializeFlow(flow).length).toBeGreaterThan(900_000);
    const { problems } = validateFlow(flow, testTypes);
    expect(problems.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
    expect(codes(problems)).toContain('flow.loop-conflict');
    expect(problems.find((x) => x.code === 'flow.loop-nesting')).toMatchObject({ path: expect.stringMatching(/^\$\.nodes\[\d+\]$/), message: expect.stringContaining(`more than ${MAX_LOOP_NESTING} loops`) });
  }, 30_000);

  it('validates a 2,000,000-character value holding 142,857 templates in linear time', () => {
    // Each template once cost a scan of all the text before it: 381 s for this value.
    const flow = withParams({ fields: [{ name: 'x', value: '{{ $json.x }} '.repeat(142_857) }] }, 'core.set');
    expect(validateFlow(flow, builtinRegistry()).problems).toEqual([]);
  }, 30_000);

  it('echoes at most 80 characters of a name, type or id in a message', () => {
    const long = 'n'.repeat(2_000_000);
    const flow = buildFlow([{ name: long, type: 'test.source' }, { name: 'B', type: 'test.double' }, { id: 'x', name: long, type: long }], ['B -> B']);
    const { problems } = validateFlow(flow, testTypes);
    expect(codes(problems)).toEqual(expect.arrayContaining(['flow.duplicate-name', 'flow.unknown-type', 'flow.cycle']));
    for (const x of problems) expect(x.message.length).toBeLessThan(300);
    expect(JSON.stringify(problems).length).toBeLessThan(2_000);
  });

  it('keeps a file of 100,000 broken nodes to 200 problems and a count', () => {
    const doc = { format: 'junction/flow@1', id: 'f', name: 'x', nodes: Array.from({ length: 100_000 }, () => ({})), edges: [] };
    const { problems } = validateFlow(doc, testTypes);
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems.at(-1)!.message).toMatch(/^and 4\d\d,\d{3} more problems/);
  });
});
