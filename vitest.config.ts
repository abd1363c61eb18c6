import { defineConfig } from 'vitest/config';
import { nodesPlugin } from './build/vite-nodes-plugin.ts';

export default defineConfig({
  plugins: [nodesPlugin()],
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './build/summary-reporter.ts'],
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          globalSetup: ['test/setup/worker-script.ts'],
          include: ['engine/**/*.test.ts', 'nodes/**/*.test.ts', 'electron/**/*.test.ts', 'test/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', 'test/e2e/**'],
        },
      },
      {
        // The editor in Chromium through `junction serve` (test/e2e/global-setup.ts starts both once).
        // After the unit tests, so a busy CPU does not stretch the browser's waits.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
