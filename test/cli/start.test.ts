import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createService } from '../../engine/service';
import { openRunStore, STORE_FILE } from '../../engine/store';
import { saveChain } from '../../engine/triggers/testing';

const BIN = resolve(__dirname, '../../bin/junction.mjs');
let root: string | undefined;
afterEach(() => { if (root) rmSync(root, { recursive: true, force: true }); });

describe('junction start', () => {
  it('runs an active flow headless when a webhook arrives, records the run, and stops on SIGTERM', async () => {
    root = mkdtempSync(join(tmpdir(), 'junction-start-'));
    const workspace = join(root, 'ws');
    const dataDir = join(root, 'data');
    // Set up and activate the flow through the API, as the editor would, then leave.
    const setup = createService({ workspace, dataDir, env: {} });
    const flow = await saveChain(setup, 'Echo', [
      { type: 'trigger.webhook', params: { path: 'echo', method: 'POST', respond: 'respondNode' } },
      { type: 'trigger.respond', params: { status: 200, body: '{{ { got: $json.body.n } }}' } },
    ]);
    await setup.handlers['flows.activate']({ id: flow.id });
    await setup.close();

    const child = spawn(process.execPath, [BIN, 'start', '--workspace', workspace, '--data-dir', dataDir, '--webhook-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      const base = await new Promise<string>((ok, fail) => {
        const timer = setTimeout(() => fail(new Error(`junction start printed no webhook address: ${stdout} ${stderr}`)), 30_000);
        child.stdout.on('data', (c: Buffer) => {
          stdout += c.toString();
          const m = /Webhooks: (http:\/\/127\.0\.0\.1:\d+)\/hook/.exec(stdout);
          if (m) { clearTimeout(timer); ok(m[1]); }
        });
      });
      expect(stdout).toContain('Active flows: 1');
      const res = await fetch(`${base}/hook/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":5}' });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ got: 5 });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    const store = openRunStore(join(dataDir, STORE_FILE));
    expect(store.listRuns({ flowId: flow.id }).map((r) => [r.mode, r.status])).toEqual([['trigger', 'success']]);
    store.close();
  }, 60_000);
});
