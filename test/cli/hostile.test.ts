import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { junction } from './run-cli';

// Regression tests: flow files written to attack the terminal, the error-flow lookup and the
// CLI's own output, as a security review's fuzzer did. Nothing may end in "internal error".

const tmp = mkdtempSync(join(tmpdir(), 'junction-cli-hostile-'));
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function flowFile(name: string, nodes: Record<string, unknown>[], edges: [string, string][], extra: Record<string, unknown> = {}, dir = tmp) {
  const file = join(dir, `${name}.flow.json`);
  writeFileSync(file, JSON.stringify({
    format: 'junction/flow@1', id: `f_${name}`, name, settings: {}, pinned: {}, notes: [],
    nodes: nodes.map((n, i) => ({ version: 1, position: { x: i * 200, y: 0 }, params: {}, ...n })),
    edges: edges.map(([a, b], i) => ({ id: `e${i}`, from: { node: a, port: 'main' }, to: { node: b, port: 'main' } })),
    ...extra,
  }));
  return file;
}
const start = { id: 't', type: 'trigger.manual', name: 'Start' };
const code = (name: string, src: string) => ({ id: name, type: 'core.code', name, params: { code: src } });

describe('junction CLI with hostile flow files', () => {
  it('prints node names, log lines and errors without their control characters', () => {
    const title = '\u001b]0;owned\u0007\u001b[2J\u009b31m';
    const file = flowFile('ansi', [
      { ...start, name: `Start${title}` },
      code('Talk', `console.log(${JSON.stringify(`\u001b[32mRun succeeded\u001b[0m${title}\r`)}); return items;`),
      code('Boom', `throw new Error(${JSON.stringify(`bad${title}`)});`),
    ], [['t', 'Talk'], ['Talk', 'Boom']]);
    const r = junction(['run', file, '--no-history']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Start]0;owned[2J31m');
    expect(r.stdout).toContain('[32mRun succeeded[0m');
    expect(r.stderr).toContain('Boom: ');
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stderr).not.toMatch(CONTROL);
  });

  it('ends a run whose Code result nests 6,000 levels deep with a clear error, not an internal one', () => {
    const file = flowFile('deep-result', [start, code('Deep', 'let o = { leaf: 1 }; for (let i = 0; i < 6000; i++) o = { a: o }; return [{ json: o }];')], [['t', 'Deep']]);
    const r = junction(['run', file, '--json', '--no-history']);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.status).toBe('failed');
    expect(out.error.message).toMatch(/nest|deep/i);
  });

  it('runs an error flow only when asked with --error-flow, never a sibling file the flow names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'junction-cli-errorflow-'));
    const handler = flowFile('handler', [start, code('Handle', 'return [{ json: { handled: true } }];')], [['t', 'Handle']], {}, dir);
    const failing = flowFile('failing', [start, code('Boom', 'throw new Error("down");')], [['t', 'Boom']], { settings: { errorFlow: 'f_handler' } }, dir);
    const plain = junction(['run', failing, '--no-history']);
    expect(plain.code).toBe(1);
    expect(plain.stdout).not.toContain('Error flow ran');
    expect(plain.stdout).toContain('--error-flow');
    const asked = junction(['run', failing, '--no-history', '--error-flow', handler]);
    expect(asked.code).toBe(1);
    expect(asked.stdout).toContain('Error flow ran: success.');
  });

  it('explains flow JSON nested 100,000 levels deep without an internal error', () => {
    const file = join(tmp, 'deep-text.flow.json');
    writeFileSync(file, `{"format":"junction/flow@1","nodes":${'['.repeat(100_000)}`);
    const r = junction(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\$: nests objects and lists more than 64 levels deep \(at line 1, column \d+\)/);
    expect(r.stderr).not.toContain('internal error');
  });

  it('accepts a Code node memory limit the sandbox can grant and refuses one it would cut', () => {
    const ok = junction(['validate', flowFile('mem-ok', [start, { ...code('C', 'return items;'), params: { code: 'return items;', memoryMb: 1000 } }], [['t', 'C']])]);
    expect(ok.code).toBe(0);
    const over = junction(['validate', flowFile('mem-over', [start, { ...code('C', 'return items;'), params: { code: 'return items;', memoryMb: 1024 } }], [['t', 'C']])]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('$.nodes[1].params.memoryMb: must be at most 1000');
  });
});
