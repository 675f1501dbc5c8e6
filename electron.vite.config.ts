import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// main: the Electron shell, the `casefile` command line and browser mode share one build, so the
// services are compiled once; dependencies (zod, htmlparser2, pdfkit) stay external
// and load from node_modules, which pdfkit needs for its font data.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // isolationWorker: the worker thread that reads untrusted files (electron/services/isolation/runJob.ts
        // looks for it beside the entries), built with them so it shares their chunks.
        input: {
          main: resolve('electron/main.ts'),
          cli: resolve('electron/cli.ts'),
          web: resolve('electron/web.ts'),
          isolationWorker: resolve('electron/services/isolation/worker.ts'),
          // readWorker: the read pool's worker thread (electron/services/store/readPool.ts looks for it the same way).
          readWorker: resolve('electron/services/store/readWorker.ts'),
          // indexWorker: the search index build's worker thread (electron/services/search/buildPool.ts looks for it the same way).
          indexWorker: resolve('electron/services/search/indexWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve('electron/preload.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
