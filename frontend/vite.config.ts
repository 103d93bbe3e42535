import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves the built app (frontend/dist) and /api/v1 on one origin; in
// development Vite proxies /api to an API started separately.
export default defineConfig({
  plugins: [react()],
  build: {
    manifest: true,
    sourcemap: false,
    target: 'es2020',
  },
  server: {
    proxy: {
      '/api': process.env.ADUAN_API ?? 'http://127.0.0.1:8080',
    },
  },
});
