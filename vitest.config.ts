import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { nodesPlugin } from './build/vite-nodes-plugin.ts';
import { findBrowser, NO_BROWSER } from './test/e2e/browser.ts';

// The editor in Chromium through `junction serve` (test/e2e/global-setup.ts starts both once).
// After the unit tests, so a busy CPU does not stretch the browser's waits. Without a browser
// they are left out with one line of advice, except in CI, where they then fail.
const e2e: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    sequence: { groupOrder: 1 },
  },
};
const isCi = !!process.env.CI && !['false', '0'].includes(process.env.CI);
const runE2e = isCi || !!findBrowser();
// vitest reads this file more than once in one process: say it once.
const warned = globalThis as { junctionSaidNoBrowser?: boolean };
if (!runE2e && !warned.junctionSaidNoBrowser) console.warn(`Skipping the end-to-end tests. ${NO_BROWSER}.`);
warned.junctionSaidNoBrowser = true;

export default defineConfig({
  plugins: [nodesPlugin()],
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './build/summary-reporter.ts'],
    // exceljs's streaming reader parks worksheets that come before the shared strings in temp
    // files (tmp-<pid>-…), which the tmp package removes when a process exits; a test process
    // whose reader stopped early (a preview's first rows) can end while one is still opening.
    // Only that, exactly: any other error after a test still fails the run.
    onUnhandledError: (e) => !((e as { code?: string }).code === 'ENOENT' && /\/tmp-\d+-[\w]+$/.test((e as { path?: string }).path ?? '')),
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          globalSetup: ['test/setup/worker-script.ts'],
          include: ['engine/**/*.test.ts', 'nodes/**/*.test.ts', 'electron/**/*.test.ts', 'test/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', 'test/e2e/**', '**/*.server.test.ts'],
        },
      },
      {
        // Tests against real servers (PostgreSQL, MariaDB, Redis, IMAP, …), each started once per run.
        extends: true,
        test: {
          name: 'servers',
          globalSetup: ['test/setup/worker-script.ts', 'test/servers/global-setup.ts'],
          include: ['engine/**/*.server.test.ts', 'nodes/**/*.server.test.ts', 'test/**/*.server.test.ts'],
          exclude: ['**/node_modules/**', 'test/e2e/**'],
        },
      },
      ...(runE2e ? [e2e] : []),
    ],
  },
});
