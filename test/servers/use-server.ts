import { describe, inject, it } from 'vitest';
// Its `ProvidedContext` declaration types inject('servers'), also where node tests are compiled.
import type {} from './global-setup';

const isCi = !!process.env.CI && !['false', '0'].includes(process.env.CI);

/**
 * A describe block that runs against one real server, whose details are passed in. Where the
 * server is missing, the block is skipped with the reason printed, or fails under CI (which
 * installs every server, so a missing one there is a broken set-up).
 */
export function describeWithServer(name: string, title: string, body: (info: Record<string, string | number>) => void) {
  const entry = inject('servers')?.[name];
  if (entry && 'info' in entry) { describe(title, () => body(entry.info)); return; }
  const reason = entry?.error ?? `the ${name} test server is not listed in test/servers/index.ts`;
  if (isCi) {
    describe(title, () => { it(`has its ${name} server`, () => { throw new Error(reason); }); });
    return;
  }
  console.warn(`Skipping "${title}": ${reason}`);
  describe.skip(title, () => { it(`needs ${name}`, () => {}); });
}
