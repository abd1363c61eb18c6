// `junction run` of flows that held or ended the process before runs left its thread:
// each ends with a sentence and exit code 1, and Ctrl+C works while the flow is busy.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlowFile } from '../../engine/flow/types';
import { codeFlow, HUGE_NFKD, setFlow, SPIN_CODE } from '../fixtures/hostile-flows';
import { junction } from './run-cli';

const BIN = resolve(__dirname, '../../bin/junction.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'junction-hostile-'));
const STACK = /\n\s+at .+:\d+:\d+|FATAL ERROR|Native stack trace/;

function write(flow: FlowFile): string {
  const file = join(tmp, `${flow.id}.flow.json`);
  writeFileSync(file, JSON.stringify(flow));
  return file;
}

describe('junction run of a hostile flow', () => {
  it('ends a flow that exhausts memory with a message and exit code 1, not a crash', () => {
    const r = junction(['run', write(setFlow('nfkd', HUGE_NFKD)), '--no-history'], { JUNCTION_RUN_MEMORY_MB: '256' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Run \S+ failed in \d+ ms/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr.trim().split('\n').pop()).toMatch(/^Set: .+|^The run used more than 256 MB of memory and was stopped$/);
  }, 90_000);

  it("stops a busy flow at the flow's timeout", () => {
    const t0 = performance.now();
    const r = junction(['run', write({ ...codeFlow('spin-timeout', SPIN_CODE), settings: { timeoutMs: 1000 } }), '--no-history']);
    expect(r.code).toBe(1);
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(r.stderr).toMatch(/The run took longer than 1000 ms and was stopped\n$/);
  });

  it('cancels a busy flow on Ctrl+C within a second', async () => {
    const child = spawn(process.execPath, [BIN, 'run', write(codeFlow('spin-int', SPIN_CODE)), '--no-history'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    // The progress line names the node once the run is in it.
    await new Promise<void>((done) => { const check = () => { if (/running Code/.test(err)) done(); else setTimeout(check, 50); }; check(); });
    const t0 = performance.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(code).toBe(1);
    expect(out).toMatch(/was cancelled/);
    expect(err).toMatch(/The run was cancelled\.\n$/);
  }, 30_000);
});
