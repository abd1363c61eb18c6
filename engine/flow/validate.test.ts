import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { testTypes } from '../../test/fixtures/test-nodes';
import { parseFlowText } from './parse';
import { serializeFlow } from './canonical';
import { validateFlow } from './validate';

const problemsOf = (doc: unknown) => validateFlow(doc, testTypes).problems;
const base = () => buildFlow([{ name: 'Source', type: 'test.source' }, { name: 'Double', type: 'test.double' }], ['Source -> Double']);

describe('validateFlow', () => {
  it('accepts a sound flow and fills defaults', () => {
    const { flow, problems } = validateFlow(base(), testTypes);
    expect(problems).toEqual([]);
    expect(flow!.nodes[0].params).toEqual({ n: 3 });
  });

  it('reports a JSON syntax error with line and column', () => {
    const { problems } = parseFlowText('{\n  "format": "junction/flow@1",\n  "id": }', testTypes);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: '$', code: 'flow.json' });
    expect(problems[0].message).toMatch(/line 3, column \d+/);
  });

  it('lists every structural problem at once with its JSON path', () => {
    const paths = problemsOf({ format: 'n8n', id: 3, nodes: [{ id: 'a', type: 'x', version: 0, name: '', position: { x: 'no' } }], edges: {} }).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['$.format', '$.id', '$.name', '$.nodes[0].version', '$.nodes[0].name', '$.nodes[0].position.x', '$.nodes[0].position.y', '$.edges']));
  });

  it('names unknown types and versions, duplicate ids and names, dangling edges and bad ports', () => {
    const flow = base();
    flow.nodes.push({ ...flow.nodes[1], id: 'Source' }, { id: 'u', type: 'test.nope', version: 1, name: 'U', position: { x: 0, y: 0 }, params: {} }, { id: 'v', type: 'test.double', version: 9, name: 'V', position: { x: 0, y: 0 }, params: {} });
    flow.edges.push({ id: 'e0', from: { node: 'ghost', port: 'main' }, to: { node: 'Double', port: 'main' } }, { id: 'e9', from: { node: 'Source', port: 'nope' }, to: { node: 'Double', port: 'x' } });
    const byCode = Object.fromEntries(problemsOf(flow).map((p) => [`${p.code} ${p.path}`, p.message]));
    expect(byCode['flow.duplicate-id $.nodes[2].id']).toMatch(/duplicates the id "Source"/);
    expect(byCode['flow.duplicate-name $.nodes[2].name']).toMatch(/"Double" is also the name/);
    expect(byCode['flow.unknown-type $.nodes[3].type']).toMatch(/unknown node type "test.nope"/);
    expect(byCode['flow.unknown-version $.nodes[4].version']).toMatch(/version 9 of "test.double" is not known here; this app has version 1/);
    expect(byCode['flow.duplicate-id $.edges[1].id']).toBeDefined();
    expect(byCode['flow.dangling-edge $.edges[1].from.node']).toMatch(/"ghost"/);
    expect(byCode['flow.bad-port $.edges[2].from.port']).toMatch(/has no output "nope"/);
    expect(byCode['flow.bad-port $.edges[2].to.port']).toMatch(/has no input "x"/);
  });

  it('rejects cycles except back into a loop node', () => {
    const cyclic = buildFlow([{ name: 'Source', type: 'test.source' }, { name: 'A', type: 'test.double' }, { name: 'B', type: 'test.double' }], ['Source -> A', 'A -> B', 'B -> A']);
    expect(problemsOf(cyclic)).toEqual([expect.objectContaining({ code: 'flow.cycle', message: expect.stringContaining('"A" → "B"') })]);
    const loop = buildFlow([{ name: 'Source', type: 'test.source' }, { name: 'Loop', type: 'test.loop' }, { name: 'A', type: 'test.double' }], ['Source -> Loop', 'Loop:batch -> A', 'A -> Loop']);
    expect(problemsOf(loop)).toEqual([]);
  });

  it('checks params against the node schema and expressions at load', () => {
    const flow = base();
    flow.nodes[0].params = { n: 'three', extra: 1 };
    flow.nodes[1].params = { note: '{{ $json.a = 1 }}' };
    const found = problemsOf(flow);
    expect(found).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: '$.nodes[0].params.n', message: expect.stringMatching(/must be a number/) }),
      expect.objectContaining({ path: '$.nodes[0].params.extra', code: 'param.unknown' }),
      expect.objectContaining({ path: '$.nodes[1].params.note' }),
    ]));
  });

  it('gives each problem the id of its node or edge and its place inside the node', () => {
    const flow = base();
    flow.nodes[0].params = { n: 'three' };
    flow.edges.push({ id: 'e-bad', from: { node: 'Source', port: 'nope' }, to: { node: 'Double', port: 'main' } });
    expect(problemsOf(flow)).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: '$.nodes[0].params.n', nodeId: flow.nodes[0].id, nodePath: 'params.n', field: 'n' }),
      expect.objectContaining({ path: '$.edges[1].from.port', edgeId: 'e-bad' }),
    ]));
    const shape = base();
    shape.nodes[1].settings = { timeoutMs: -1 };
    const [setting] = problemsOf(shape);
    expect(setting).toMatchObject({ path: '$.nodes[1].settings.timeoutMs', nodeId: shape.nodes[1].id, nodePath: 'settings.timeoutMs' });
    expect(setting).not.toHaveProperty('field');
    const list = base();
    list.nodes[1].params = { note: '{{ $json.a = 1 }}' };
    expect(problemsOf(list)[0]).toMatchObject({ nodeId: list.nodes[1].id, field: 'note' });
  });

  it('rejects $() references to nodes that do not exist', () => {
    const flow = base();
    flow.nodes[1].params = { note: "{{ $('Nobody').item.json.x }}" };
    expect(problemsOf(flow)).toEqual([expect.objectContaining({ code: 'expr.unknown-node', path: '$.nodes[1].params.note' })]);
  });

  it('refuses secrets in credential references', () => {
    const flow = base();
    flow.nodes[1].credentials = { auth: { id: 'c1', type: 'apiKey', name: 'Key', apiKey: 'sk-live' } as never };
    expect(problemsOf(flow)).toEqual([expect.objectContaining({ code: 'flow.secret', path: '$.nodes[1].credentials.auth' })]);
  });
});

describe('serializeFlow', () => {
  it('writes canonically: fixed structural order, sorted params, 2-space indent, trailing newline', () => {
    const flow = base();
    flow.nodes[0].params = { z: 1, a: { y: 2, b: 3 } } as never;
    const shuffled = JSON.parse(JSON.stringify(flow, Object.keys(flow).reverse()));
    const text = serializeFlow({ ...shuffled, nodes: flow.nodes, edges: flow.edges });
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'id', 'name', 'nodes', 'edges', 'settings', 'pinned', 'notes']);
    expect(text).toContain('"params": {\n        "a": {\n          "b": 3,\n          "y": 2\n        },\n        "z": 1\n      }');
    expect(serializeFlow(JSON.parse(text))).toBe(text);
  });
});
