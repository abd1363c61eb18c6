/**
 * Starts a server binary as a child process and waits until its port accepts connections: the
 * common part of the Debian-packaged test servers (each module adds its own config and data).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';

/** Why a binary cannot be used here, or undefined when it exists. */
export const missingBinary = (path: string, aptPackage: string): string | undefined =>
  existsSync(path) ? undefined : `${path} is not installed (apt-get install ${aptPackage})`;

const canConnect = (port: number) => new Promise<boolean>((resolve) => {
  const s = connect({ host: '127.0.0.1', port });
  s.once('connect', () => { s.destroy(); resolve(true); });
  s.once('error', () => { s.destroy(); resolve(false); });
});

/**
 * Spawns `cmd` and resolves once 127.0.0.1:`port` accepts a connection. Fails with the server's
 * own output when it exits first or is not ready within `timeoutMs`.
 */
export async function startDaemon(cmd: string, args: string[], port: number, timeoutMs = 15_000): Promise<ChildProcess> {
  if (await canConnect(port)) throw new Error(`port ${port} is already in use`);
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => { output += d; });
  child.stderr?.on('data', (d) => { output += d; });
  let exited: string | undefined;
  child.once('exit', (code, signal) => { exited = `exited (${signal ?? code})`; });
  child.once('error', (e) => { exited = e.message; });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${cmd} ${exited}: ${output.trim().slice(-500)}`);
    if (await canConnect(port)) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error(`${cmd} did not listen on port ${port} within ${timeoutMs / 1000} s: ${output.trim().slice(-500)}`);
}

/** Ends a started server by its PID and waits for it to exit. */
export function stopDaemon(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); }, 5_000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}
