import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The client lives in client/; the build goes to dist/ which the Hono server serves.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1700,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
