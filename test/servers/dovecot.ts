/**
 * Dovecot IMAP from Debian's package (SERVERS.md section 4): plain IMAP on 127.0.0.1, one user
 * alice/secret, maildirs in a temp folder. As root it runs the usual way (mail owned by nobody);
 * as any other user, every Dovecot process runs as that user (the unprivileged variant).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { missingBinary, startDaemon, stopDaemon } from './daemon';
import type { TestServer } from './types';

const BINARY = '/usr/sbin/dovecot';
const PORT = 51143;
const USER = 'alice', PASSWORD = 'secret';

const idOf = (flag: '-u' | '-g' | '-gn', user?: string) => execFileSync('id', user ? [flag, user] : [flag], { encoding: 'utf8' }).trim();

function config(dir: string, uid: string, gid: string, unprivileged: boolean): string {
  const lines = [
    `base_dir = ${dir}/run`, `state_dir = ${dir}/state`, `log_path = ${dir}/dovecot.log`,
    'protocols = imap', 'listen = 127.0.0.1', 'ssl = no', 'disable_plaintext_auth = no', 'auth_mechanisms = plain login',
    'first_valid_uid = 0', `mail_location = maildir:${dir}/mail/%u`,
    `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${dir}/users\n}`,
    `userdb {\n  driver = static\n  args = uid=${uid} gid=${gid} home=${dir}/mail/%u\n}`,
    `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${PORT}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
    'service pop3-login {\n  inet_listener pop3 {\n    port = 0\n  }\n}',
  ];
  if (unprivileged) {
    const name = userInfo().username;
    lines.push(`default_login_user = ${name}`, `default_internal_user = ${name}`, `default_internal_group = ${idOf('-gn')}`,
      'service anvil {\n  chroot =\n}', 'service imap-login {\n  chroot =\n}');
  }
  return `${lines.join('\n')}\n`;
}

export const dovecotServer: TestServer = {
  name: 'dovecot',
  missing: () => missingBinary(BINARY, 'dovecot-imapd'),
  async start() {
    const dir = mkdtempSync(join(tmpdir(), 'junction-dovecot-'));
    for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
    chmodSync(dir, 0o755); // the mail user (nobody, when started as root) must reach its maildir
    const isRoot = process.getuid?.() === 0;
    const uid = isRoot ? idOf('-u', 'nobody') : String(process.getuid?.());
    const gid = isRoot ? idOf('-g', 'nobody') : String(process.getgid?.());
    writeFileSync(join(dir, 'users'), `${USER}:{PLAIN}${PASSWORD}\n`);
    writeFileSync(join(dir, 'dovecot.conf'), config(dir, uid, gid, !isRoot));
    chownSync(join(dir, 'mail'), Number(uid), Number(gid));
    const child = await startDaemon(BINARY, ['-F', '-c', join(dir, 'dovecot.conf')], PORT);
    return {
      info: { host: '127.0.0.1', port: PORT, user: USER, password: PASSWORD },
      async stop() { await stopDaemon(child); rmSync(dir, { recursive: true, force: true }); },
    };
  },
};
