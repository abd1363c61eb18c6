import { defineConfig } from 'vitest/config';
import { nodesPlugin } from './build/vite-nodes-plugin.ts';

export default defineConfig({
  plugins: [nodesPlugin()],
  test: {
    include: ['engine/**/*.test.ts', 'nodes/**/*.test.ts', 'test/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './build/summary-reporter.ts'],
    pool: 'forks',
  },
});
