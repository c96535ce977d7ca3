/**
 * The console for browsers: `nimbus serve` serves out/web/ at /_lab/. The same renderer is built
 * for Electron by electron.vite.config.ts.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: '/_lab/',
  plugins: [vue()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
