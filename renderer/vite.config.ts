// The renderer bundle: `vite build -c renderer/vite.config.ts` (build/build-app.mjs) writes
// dist/renderer, which `junction serve` and Electron load from disk — hence a relative base
// and nothing fetched from a CDN at runtime.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Relative paths below resolve against `root`, this folder. (No node: imports here, so the
// renderer folder stays free of Node built-ins.)

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Monaco's language workers are large by nature; they load lazily, off the start-up path.
    chunkSizeWarningLimit: 8000,
  },
  // Web workers (Monaco's language services, if the inspector brings them) bundle as ES modules.
  worker: { format: 'es' },
  // Left open on purpose: the inspector may add Monaco entries to optimizeDeps.include.
  optimizeDeps: {},
  // The renderer imports the pure flow model and the API types from ../engine.
  server: { fs: { allow: ['..'] } },
});
