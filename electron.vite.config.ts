/**
 * The desktop app: main (window + engine + endpoint), a sandboxed preload, and the renderer (the same
 * Vue console the browser gets from vite.web.config.ts). Output goes to out/{main,preload,renderer}.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: {
        input: { index: resolve(root, 'src-main/electron/main.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // Sandboxed preloads cannot be ES modules; one self-contained CommonJS file.
      rollupOptions: {
        input: { index: resolve(root, 'src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [vue()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: {
        input: { index: resolve(root, 'src-renderer/index.html') },
      },
    },
  },
});
