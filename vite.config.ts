import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/;

/** Writes a .gz and a .br beside every text file of the build, so the server sends them as they are
 *  (serveStatic's precompressed option) instead of compressing per request — and at the best level. */
export function precompress(): Plugin {
  return {
    name: 'gevinstspor-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const name of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(name)) continue;
        const file = join(dir, name);
        const raw = readFileSync(file);
        if (raw.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
      }
    },
  };
}

// The client lives in client/; the build goes to dist/ which the Hono server serves. Two pages: index.html (the
// staff app) and answer.html (the answer pages /s/… and /k…, with only React, SurveyJS and what answering needs).
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1700,
    rolldownOptions: {
      // The key names the entry's script (assets/AnswerPage-<hash>.js), as the staff app's chunks are named.
      input: { index: resolve(import.meta.dirname, 'client/index.html'), AnswerPage: resolve(import.meta.dirname, 'client/answer.html'), SharedPicture: resolve(import.meta.dirname, 'client/shared.html'), WorkshopPhone: resolve(import.meta.dirname, 'client/workshop.html') },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
