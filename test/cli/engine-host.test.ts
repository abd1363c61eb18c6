/**
 * The desktop app's engine process (engine/host/main.ts, bundled as dist/electron/engine-host.cjs)
 * under plain Node: Electron's utilityProcess speaks to it the same way a forked child does.
 */
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FromHost, ToHost } from '../../engine/host/protocol';

const HOST = resolve(__dirname, '../../dist/electron/engine-host.cjs');
const tmp = mkdtempSync(join(tmpdir(), 'junction-host-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the engine host process', () => {
  it('starts, answers requests, validates and runs a flow, and exits when closed', async () => {
    expect(existsSync(HOST), `${HOST} is missing: run npm run build`).toBe(true);
    const child = fork(HOST, [`--workspace=${join(tmp, 'ws')}`, `--data-dir=${join(tmp, 'data')}`], { stdio: 'pipe' });
    const messages: FromHost[] = [];
    const next = (match: (m: FromHost) => boolean) => new Promise<FromHost>((done) => {
      const seen = messages.find(match);
      if (seen) return done(seen);
      const listen = (m: FromHost) => { if (match(m)) { child.off('message', listen); done(m); } };
      child.on('message', listen);
    });
    child.on('message', (m: FromHost) => messages.push(m));
    const send = (m: ToHost) => child.send(m);

    expect(await next((m) => m.type === 'ready')).toMatchObject({ type: 'ready', workspace: join(tmp, 'ws'), dataDir: join(tmp, 'data') });
    send({ type: 'request', id: 1, method: 'workspace.info', input: {} });
    const { version } = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8'));
    expect(await next((m) => m.type === 'reply' && m.id === 1)).toMatchObject({ reply: { ok: true, output: { version } } });

    const flow = JSON.parse(readFileSync(resolve(__dirname, '../../examples/map-fields.flow.json'), 'utf8'));
    send({ type: 'request', id: 2, method: 'flows.validate', input: { flow } });
    expect(await next((m) => m.type === 'reply' && m.id === 2)).toMatchObject({ reply: { ok: true, output: { problems: [] } } });

    // A run formats phone numbers: the lazily loaded library resolves from the CommonJS bundle too.
    send({ type: 'request', id: 4, method: 'runs.start', input: { flow, mode: 'flow' } });
    const started = await next((m) => m.type === 'reply' && m.id === 4);
    const runId = started.type === 'reply' && started.reply.ok ? (started.reply.output as { runId: string }).runId : '';
    const end = await next((m) => m.type === 'event' && m.event.type === 'run.finished' && m.event.runId === runId);
    expect(end).toMatchObject({ event: { status: 'success' } });
    const ready = messages.find((m) => m.type === 'event' && m.event.type === 'node.finished' && m.event.runId === runId && m.event.nodeName === 'Ready for CRM');
    expect(ready).toMatchObject({ event: { itemsIn: { main: 2 } } });

    send({ type: 'request', id: 3, method: 'no.such.method', input: {} });
    expect(await next((m) => m.type === 'reply' && m.id === 3)).toMatchObject({ reply: { ok: false, error: { code: 'api.unknown-method' } } });

    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    send({ type: 'close' });
    expect(await exited).toBe(0);
  });
});
