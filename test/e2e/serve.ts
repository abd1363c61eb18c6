import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FlowFile } from '../../engine/flow/types';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/junction.mjs');

/** DESIGN §10: Playwright's own browser download fails here; Debian's chromium with these flags works. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Serve {
  /** `http://127.0.0.1:PORT/#token=…`, as printed by `junction serve`. */
  url: string;
  port: number;
  workspace: string;
  dataDir: string;
  /** SIGTERM, then SIGKILL if it does not exit within 5 s. */
  stop(): Promise<void>;
  /** SIGKILL at once: the engine vanishes as in a crash. */
  kill(): Promise<void>;
}

/** Temp folders for a workspace and run history, removed by the returned function. */
export function tempDirs(label: string): { workspace: string; dataDir: string; remove(): void } {
  const base = mkdtempSync(join(tmpdir(), `junction-e2e-${label}-`));
  const workspace = join(base, 'workspace');
  const dataDir = join(base, 'data');
  mkdirSync(join(workspace, 'flows'), { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  return { workspace, dataDir, remove: () => rmSync(base, { recursive: true, force: true }) };
}

const exited = (child: ChildProcess) => new Promise<void>((done) => {
  if (child.exitCode !== null || child.signalCode !== null) return done();
  child.once('exit', () => done());
});

/**
 * Starts the built `junction serve` (port 0: the OS picks a free one) and resolves once it
 * prints its URL. npm test has built dist/ before vitest starts; nothing is built here.
 */
export async function startServe(opts: { workspace: string; dataDir: string; port?: number; env?: Record<string, string> }): Promise<Serve> {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) {
    throw new Error('dist/renderer is missing: run `node build/build.mjs` (npm test does) before the end-to-end tests');
  }
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(opts.port ?? 0), '--workspace', opts.workspace, '--data-dir', opts.dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', ...opts.env },
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => { err += d; });
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`junction serve printed no URL within 20 s.\nstdout: ${out}\nstderr: ${err}`)), 20_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Junction is running at (\S+)/.exec(out);
      if (m) { clearTimeout(timer); done(m[1]); }
    });
    child.once('exit', (code) => { clearTimeout(timer); fail(new Error(`junction serve exited with ${code} before it was ready.\nstderr: ${err}`)); });
  });
  // Keep draining so a chatty server never blocks on a full pipe.
  child.stdout!.resume();
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited(child);
    clearTimeout(t);
  };
  return {
    url, port: Number(new URL(url).port), workspace: opts.workspace, dataDir: opts.dataDir,
    stop: () => stopWith('SIGTERM'),
    kill: () => stopWith('SIGKILL'),
  };
}

/** Writes a flow file into a workspace, as a person copying a .flow.json into flows/ would. */
export function writeFlowFile(workspace: string, flow: FlowFile, fileName?: string): string {
  const file = join(workspace, 'flows', fileName ?? `${flow.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.flow.json`);
  writeFileSync(file, `${JSON.stringify(flow, null, 2)}\n`);
  return file;
}
