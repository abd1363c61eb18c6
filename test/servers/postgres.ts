/**
 * PostgreSQL 15 from Debian's package on 127.0.0.1:55432 (recipe: ../shared/SERVERS.md section 1).
 * TCP logins need a password (scram), so a wrong password fails as it would on a real server;
 * the data folder is temporary and the server is stopped by its PID.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestServer } from './types';

const BIN = '/usr/lib/postgresql/15/bin';
const PORT = 55432;
const PASSWORD = 'junction-test';

/** Runs a server program as the `postgres` system user when we are root (initdb refuses root). */
const asPostgres = (cmd: string, args: string[]) =>
  (process.getuid?.() === 0 ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' }) : execFileSync(cmd, args, { stdio: 'pipe' }));

export const postgres: TestServer = {
  name: 'postgres',
  missing: () => (existsSync(`${BIN}/initdb`) ? undefined : 'PostgreSQL 15 is not installed (apt-get install postgresql-15)'),
  async start() {
    const dir = mkdtempSync(join(tmpdir(), 'junction-pg-'));
    const { uid, gid } = userIds('postgres');
    if (process.getuid?.() === 0) chownSync(dir, uid, gid);
    const pwfile = join(dir, 'pw');
    writeFileSync(pwfile, PASSWORD);
    if (process.getuid?.() === 0) chownSync(pwfile, uid, gid);
    asPostgres(`${BIN}/initdb`, ['-D', join(dir, 'data'), '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256',
      `--pwfile=${pwfile}`, '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
    asPostgres(`${BIN}/pg_ctl`, ['-D', join(dir, 'data'), '-l', join(dir, 'pg.log'), '-w', 'start',
      '-o', `-p ${PORT} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`]);
    const pid = Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    return {
      info: { host: '127.0.0.1', port: PORT, user: 'postgres', password: PASSWORD, database: 'postgres', socketDir: dir },
      async stop() {
        try { process.kill(pid, 'SIGINT'); } catch { /* already gone */ }
        for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export function userIds(name: string): { uid: number; gid: number } {
  const out = spawnSync('id', ['-u', name], { encoding: 'utf8' }).stdout.trim();
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' }).stdout.trim();
  return { uid: Number(out), gid: Number(gid) };
}

export function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}
