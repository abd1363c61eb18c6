/**
 * MariaDB from Debian's package on 127.0.0.1:53306 (recipe: ../shared/SERVERS.md section 2), with
 * a `junction` user that needs a password and a `junction` database; LOCAL INFILE is on for the
 * bench's bulk-load comparison. The data folder is temporary and the server is stopped by its PID.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alive, userIds } from './postgres';
import type { TestServer } from './types';

const PORT = 53306;
const PASSWORD = 'junction-test';
const asMysql = (cmd: string, args: string[]) => (process.getuid?.() === 0 ? ['runuser', ['-u', 'mysql', '--', cmd, ...args]] as const : [cmd, args] as const);

export const mariadb: TestServer = {
  name: 'mariadb',
  missing: () => (existsSync('/usr/sbin/mariadbd') ? undefined : 'MariaDB is not installed (apt-get install mariadb-server)'),
  async start() {
    const dir = mkdtempSync(join(tmpdir(), 'junction-mariadb-'));
    if (process.getuid?.() === 0) { const { uid, gid } = userIds('mysql'); chownSync(dir, uid, gid); }
    const [icmd, iargs] = asMysql('mariadb-install-db', ['--no-defaults', `--datadir=${dir}/data`, '--auth-root-authentication-method=normal',
      '--skip-test-db', '--skip-name-resolve']);
    execFileSync(icmd, [...iargs], { stdio: 'pipe' });
    const sock = join(dir, 'mysqld.sock');
    const [cmd, args] = asMysql('mariadbd', ['--no-defaults', `--datadir=${dir}/data`, `--port=${PORT}`, '--bind-address=127.0.0.1',
      `--socket=${sock}`, `--pid-file=${dir}/mysqld.pid`, '--skip-name-resolve', `--log-error=${dir}/err.log`,
      '--innodb-buffer-pool-size=128M', '--innodb-flush-log-at-trx-commit=0', '--local-infile=1', '--max-allowed-packet=64M',
      '--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci']);
    const child = spawn(cmd, [...args], { stdio: 'ignore', detached: false });
    const sql = (q: string) => execFileSync('mariadb', ['--no-defaults', '-S', sock, '-uroot', '-e', q], { stdio: 'pipe' });
    for (let i = 0; ; i++) {
      try { sql('SELECT 1'); break; } catch (e) {
        if (i > 300 || child.exitCode !== null) throw new Error(`mariadbd did not start: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    sql(`CREATE USER 'junction'@'%' IDENTIFIED BY '${PASSWORD}'; GRANT ALL ON *.* TO 'junction'@'%' WITH GRANT OPTION; CREATE DATABASE junction;`);
    const pid = Number(readFileSync(join(dir, 'mysqld.pid'), 'utf8').trim());
    return {
      info: { host: '127.0.0.1', port: PORT, user: 'junction', password: PASSWORD, database: 'junction' },
      async stop() {
        try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ }
        for (let i = 0; i < 200 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};
