import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../api';
import { JunctionError } from '../sdk/errors';
import { dispatch } from './dispatch';

const handlers = (over: Partial<Record<keyof Handlers, (input: unknown) => Promise<unknown>>> = {}) =>
  new Proxy({} as Handlers, { get: (_, m: string) => (over as Record<string, unknown>)[m] ?? (async (input: unknown) => ({ echo: input })) });

afterEach(() => { vi.restoreAllMocks(); });

describe('dispatch', () => {
  it('runs a known method with valid input', async () => {
    expect(await dispatch(handlers(), 'flows.get', { id: 'f_1' })).toEqual({ ok: true, output: { echo: { id: 'f_1' } } });
    expect(await dispatch(handlers(), 'flows.list', undefined)).toEqual({ ok: true, output: { echo: {} } });
  });

  it('rejects unknown methods, including names on Object.prototype', async () => {
    for (const m of ['flows.explode', '__proto__', 'toString', 'constructor', 42, undefined]) {
      const reply = await dispatch(handlers(), m, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'api.unknown-method' } });
    }
  });

  it('names the field of a bad input', async () => {
    const cases: [string, unknown, string][] = [
      ['flows.get', { id: 7 }, 'id'],
      ['flows.get', {}, 'id'],
      ['flows.get', 'f_1', 'input'],
      ['flows.get', { id: 'f', extra: true }, 'extra'],
      ['flows.export', { id: 'f', includePinned: 'yes' }, 'includePinned'],
      ['runs.items', { runId: 'r', nodeId: 'n', direction: 'sideways', port: 'main', offset: 0, limit: 10 }, 'direction'],
      ['runs.items', { runId: 'r', nodeId: 'n', direction: 'output', port: 'main', offset: -1, limit: 10 }, 'offset'],
      ['runs.items', { runId: 'r', nodeId: 'n', direction: 'output', port: 'main', offset: 0, limit: 1e9 }, 'limit'],
      ['runs.start', { flow: { id: 'f', name: 'x', nodes: [], edges: [] }, mode: 'node' }, 'nodeId'],
      ['runs.start', { flow: { id: 'f', name: 'x', nodes: [], edges: [] }, mode: 'flow', runId: '../../etc/passwd' }, 'runId'],
      ['runs.start', { flow: { id: 'f', name: 'x', nodes: [], edges: [] }, mode: 'flow', runId: 'short' }, 'runId'],
      ['flows.save', { flow: { id: 'f', name: 'x', nodes: [{ id: 'a', type: 't.x', name: 'A', version: 'one' }], edges: [] } }, 'flow.nodes[0].version'],
      ['flows.save', { flow: { id: 'f', name: 'x', nodes: [], edges: [{ from: { node: 'a' }, to: { node: 'b', port: 'main' } }] } }, 'flow.edges[0].from.port'],
      ['runs.list', { status: 'great' }, 'status'],
    ];
    for (const [method, input, path] of cases) {
      const reply = await dispatch(handlers(), method, input);
      expect(reply, `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'api.bad-input', path } });
    }
  });

  it('checks inputs against their schemas: text lengths, ranges, no expressions, undeclared fields', async () => {
    const cases: [string, unknown, string, RegExp][] = [
      ['flows.get', { id: 'x'.repeat(201) }, 'id', /longer than 200 characters/],
      ['runs.items', { runId: 'r', nodeId: 'n', direction: 'output', port: 'main', offset: '{{ 1 }}', limit: 10 }, 'offset', /must be a number/],
      ['runs.list', { limit: 0.5 }, 'limit', /whole number/],
      ['flows.save', { flow: { nodes: [{ id: 'a', type: 't.x', name: 'A', version: 1, params: { any: 1 } }], edges: [], extra: { kept: true } }, more: 1 }, 'more', /is not a field of this request/],
    ];
    for (const [method, input, path, message] of cases) {
      const reply = await dispatch(handlers(), method, input);
      expect(reply, `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'api.bad-input', path, message: expect.stringMatching(message) } });
    }
    const flow = { nodes: [{ id: 'a', type: 't.x', name: 'A', version: 1, params: { any: 1 } }], edges: [], pinned: JSON.parse('{"__proto__": [], "a": []}') };
    const ok = await dispatch(handlers(), 'flows.validate', { flow });
    expect(ok).toEqual({ ok: true, output: { echo: { flow } } });
    expect(await dispatch(handlers(), 'flows.import', {})).toEqual({ ok: true, output: { echo: { text: '' } } });
  });

  it('passes JunctionErrors through and hides anything else', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const failing = handlers({
      'flows.get': async () => { throw new JunctionError('flow.not-found', 'No such flow', { path: 'id' }); },
      'flows.list': async () => { throw new TypeError('secret internals at /home/me/app.js:12'); },
    });
    expect(await dispatch(failing, 'flows.get', { id: 'x' })).toEqual({ ok: false, error: { code: 'flow.not-found', message: 'No such flow', path: 'id' } });
    const hidden = await dispatch(failing, 'flows.list', {});
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(hidden)).not.toMatch(/secret|app\.js/);
    expect(String(stderr.mock.calls[0][0])).toMatch(/secret internals/);
  });
});
