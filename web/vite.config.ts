import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** The web app: built into web/dist, which `npm start` serves and the web stack uploads. */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Budgets are measured by `npm run bench` (the request form, with its date picker, is about 420 KB minified).
    chunkSizeWarningLimit: 600,
    sourcemap: true,
    // web/dist/.vite/manifest.json: what each entry statically imports, for the bundle budget in `npm run bench`.
    manifest: true,
    // Every browser the app supports has <link rel="modulepreload">; the polyfill only costs bytes.
    modulePreload: { polyfill: false },
  },
});
