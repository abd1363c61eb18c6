/** redis-server from Debian's package, no persistence, data in a temp folder (SERVERS.md section 3). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingBinary, startDaemon, stopDaemon } from './daemon';
import type { TestServer } from './types';

const BINARY = '/usr/bin/redis-server';
const PORT = 56379;

export const redisServer: TestServer = {
  name: 'redis',
  missing: () => missingBinary(BINARY, 'redis-server'),
  async start() {
    const dir = mkdtempSync(join(tmpdir(), 'junction-redis-'));
    const child = await startDaemon(BINARY, [
      '--port', String(PORT), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no',
      '--logfile', join(dir, 'redis.log'),
    ], PORT);
    return {
      info: { host: '127.0.0.1', port: PORT },
      async stop() { await stopDaemon(child); rmSync(dir, { recursive: true, force: true }); },
    };
  },
};
