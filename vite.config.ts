import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app: web/ → dist/web/. `npm run build` runs this after the server bundle; `npm run
 * dev:web` serves web/ with hot reload and sends /api, /auth and /oidc to the server on :3000.
 */
export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The board's first paint needs React, Aksel, the router, query and i18n; everything else
    // (forms, dialogs, other languages) is split into chunks loaded when used.
    chunkSizeWarningLimit: 400,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/api', '/auth', '/oidc', '/oidc-dev'].map((p) => [p, 'http://localhost:3000'])),
  },
});
