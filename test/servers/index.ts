import { dovecotServer } from './dovecot';
import { mariadb } from './mariadb';
import { postgres } from './postgres';
import { redisServer } from './redis';
import type { TestServer } from './types';

/** Every server the `*.server.test.ts` files may use; each is started once per test run. */
export const SERVERS: TestServer[] = [postgres, mariadb, redisServer, dovecotServer];
