import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRunStore } from '../../engine/store';
import { junction } from './run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'junction-cli-'));
const STACK = /\n\s+at .+:\d+:\d+/;

function flowFile(name: string, nodes: unknown[], edges: [string, string][] = [], extra: Record<string, unknown> = {}) {
  const file = join(tmp, `${name}.flow.json`);
  const flow = {
    format: 'junction/flow@1', id: `f_${name}`, name, settings: {}, pinned: {}, notes: [],
    nodes: (nodes as Record<string, unknown>[]).map((n, i) => ({ version: 1, position: { x: i * 200, y: 0 }, params: {}, ...n })),
    edges: edges.map(([a, b], i) => ({ id: `e${i}`, from: { node: a, port: 'main' }, to: { node: b, port: 'main' } })),
    ...extra,
  };
  writeFileSync(file, typeof extra.raw === 'string' ? extra.raw : JSON.stringify(flow));
  return file;
}
const start = { id: 't', type: 'trigger.manual', name: 'Start' };
const code = (name: string, src: string, more: Record<string, unknown> = {}) => ({ id: name, type: 'core.code', name, params: { code: src, ...more } });

describe('junction CLI', () => {
  it('explains a malformed flow file with its position and no stack trace', () => {
    const r = junction(['run', flowFile('broken', [], [], { raw: '{\n  "format": "junction/flow@1",\n  "nodes": [,]\n}' })]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a valid flow \(1 problem\):\n\s+\$: is not valid JSON at line 3, column 13/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('names an unknown node type and a missing file', () => {
    const r = junction(['validate', flowFile('unknown', [start, { id: 'x', type: 'acme.teleport', name: 'Beam' }], [['t', 'x']])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$.nodes[1].type: unknown node type "acme.teleport"');
    const missing = junction(['run', join(tmp, 'nope.flow.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read the flow file .*nope\.flow\.json: it does not exist/);
  });

  it('rejects an expression that reaches for constructor at validation, with its path', () => {
    const file = flowFile('escape', [start, { id: 's', type: 'core.set', name: 'Sneaky', params: { fields: [{ name: 'x', value: '{{ $json.constructor.constructor("return process")() }}' }] } }], [['t', 's']]);
    const r = junction(['run', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\$\.nodes\[1\]\.params\.fields\[0\]\.value: .*constructor/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('fails a run whose Code node throws, naming node and line, and records it as failed', () => {
    const data = join(tmp, 'data-throw');
    const file = flowFile('throws', [start, code('Boom', 'const x = 1;\nthrow new Error("no customers today");')], [['t', 'Boom']]);
    const r = junction(['run', file, '--data-dir', data]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Boom\s+failed/);
    expect(r.stderr).toMatch(/^Boom: .*no customers today.*line 2/m);
    expect(r.stderr).not.toMatch(STACK);
    const store = openRunStore(join(data, 'junction.db'));
    expect(store.listRuns({ flowId: 'f_throws' })[0]).toMatchObject({ status: 'failed', error: { node: 'Boom' } });
    store.close();
  });

  it('stops a Code node that loops forever at its deadline, and an expression that builds a huge string', () => {
    const loop = junction(['run', flowFile('spin', [start, code('Spin', 'while (true) {}', { timeoutMs: 300 })], [['t', 'Spin']]), '--no-history']);
    expect(loop.code).toBe(1);
    expect(loop.stderr).toMatch(/Spin: .*300 ms/);
    const huge = junction(['run', flowFile('huge', [start, { id: 's', type: 'core.set', name: 'Huge', params: { fields: [{ name: 'x', value: "{{ 'x'.repeat(1e9) }}" }] } }], [['t', 's']]), '--no-history']);
    expect(huge.code).toBe(1);
    expect(huge.stderr).toMatch(/^Huge: params\.fields\[0\]\.value: /m);
  });

  it('feeds --input items to the trigger', () => {
    const input = join(tmp, 'items.json');
    writeFileSync(input, JSON.stringify([{ n: 1 }, { n: 2 }]));
    const r = junction(['run', flowFile('input', [start, { id: 'l', type: 'core.limit', name: 'Last', params: { maxItems: 1, keep: 'last' } }], [['t', 'l']]), '--input', input, '--json', '--no-history']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).output.Last.main).toEqual([{ n: 2 }]);
  });

  it('prints the node catalog as a table, Markdown and JSON', () => {
    const table = junction(['nodes']);
    expect(table.stdout).toMatch(/core\.set\s+1\s+transform\s+Edit Fields/);
    const md = junction(['nodes', '--markdown']);
    expect(md.stdout).toContain('## Edit Fields — `core.set` v1');
    expect(md.stdout).toMatch(/\| `fields\[\]\.name` \|/);
    const list = JSON.parse(junction(['nodes', '--json']).stdout) as { type: string }[];
    expect(list.map((n) => n.type)).toEqual(expect.arrayContaining(['trigger.manual', 'core.set', 'core.filter', 'core.if', 'core.switch', 'core.merge', 'core.sort', 'core.limit', 'core.dedupe', 'core.aggregate', 'core.splitOut', 'core.loop', 'core.wait', 'core.code', 'core.noop', 'core.stickyNote']));
  });

  it('shows progress on a long run and marks a killed run as crashed at the next start', async () => {
    const data = join(tmp, 'data-crash');
    const slow = flowFile('slow', [start, { id: 'w', type: 'core.wait', name: 'Wait', params: { wait: { mode: 'duration', amount: 30, unit: 'seconds' } } }], [['t', 'w']]);
    const child = spawn(process.execPath, [resolve(__dirname, '../../bin/junction.mjs'), 'run', slow, '--data-dir', data]);
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    await new Promise<void>((ok) => { const t = setInterval(() => { if (/running Wait/.test(err)) { clearInterval(t); ok(); } }, 50); });
    expect(err).toMatch(/running Wait: 1\/2 nodes done, 1 items, \d+\.\d s/);
    child.kill('SIGKILL');
    await new Promise((ok) => child.on('exit', ok));
    // The run's own process notices its parent is gone within a second or two and ends; a start after that marks the run crashed.
    const quick = flowFile('quick', [start]);
    const statusAfterNextStart = () => {
      const next = junction(['run', quick, '--data-dir', data]);
      expect(next.stderr).toBe('');
      expect(next.code).toBe(0);
      const store = openRunStore(join(data, 'junction.db'));
      try { return store.listRuns({ flowId: 'f_slow' })[0]?.status; } finally { store.close(); }
    };
    let status = statusAfterNextStart();
    for (let tries = 0; status !== 'crashed' && tries < 10; tries++) {
      await new Promise((ok) => setTimeout(ok, 500));
      status = statusAfterNextStart();
    }
    expect(status).toBe('crashed');
  });

  it('prints its version, the one in package.json', () => {
    const { version } = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8'));
    const r = junction(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints what a Code node logged once, with its level', () => {
    const r = junction(['run', flowFile('talk', [start, code('Talk', 'console.log("hello"); console.warn("careful"); return items;')], [['t', 'Talk']]), '--no-history']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Talk · info: hello\n');
    expect(r.stdout).toContain('Talk · warn: careful\n');
    expect(r.stdout.match(/hello/g)).toHaveLength(1);
    expect(r.stdout).not.toMatch(/info: info:/);
  });

  it('says how many items failed when they leave through an unconnected error output, whatever their order', () => {
    const data = join(tmp, 'data-failed-items');
    const upper = (onError?: string) => ({ id: 's', type: 'core.set', name: 'Upper', params: { fields: [{ name: 'u', value: '{{ $json.name.toUpperCase() }}' }] }, ...(onError ? { settings: { onError } } : {}) });
    for (const [order, items] of [['second', [{ name: 'ada' }, { name: null }]], ['first', [{ name: null }, { name: 'ada' }]]] as const) {
      const input = join(tmp, `failing-${order}.json`);
      writeFileSync(input, JSON.stringify(items));
      const go = junction(['run', flowFile(`failed-items-${order}`, [start, upper('continue')], [['t', 's']]), '--input', input, '--data-dir', data]);
      expect(go.code).toBe(0);
      expect(go.stdout).toMatch(/succeeded with 1 failed item \(they left through an unconnected error output\)/);
      const stop = junction(['run', flowFile(`stops-${order}`, [start, upper()], [['t', 's']]), '--input', input, '--no-history']);
      expect(stop.code).toBe(1);
      expect(stop.stderr).toMatch(new RegExp(`^Upper: item ${order === 'first' ? 0 : 1} failed: u: `, 'm'));
    }
    const store = openRunStore(join(data, 'junction.db'));
    expect(store.listRuns({ flowId: 'f_failed-items-first' })[0]).toMatchObject({ status: 'success', failedItems: 1, itemsOut: 1 });
    store.close();
  });

  it('prints usage for an unknown command', () => {
    const r = junction(['fly']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "fly"');
    expect(r.stderr).toContain('Usage: junction');
  });
});
