import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import optimizeLocales from '@react-aria/optimize-locales-plugin';
import { LANGUAGES } from './src/lib/i18n/define-messages.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** The web app: built into web/dist, which `npm start` serves and the web stack uploads. */
export default defineConfig({
  root: webRoot,
  // React Aria's own texts only in the app's languages (it ships some 30; others fall back as the app's do).
  plugins: [react(), optimizeLocales.vite({ locales: [...LANGUAGES] })],
  resolve: {
    // React Router's package points bundlers at its build with development warnings; the app ships its production build.
    alias: [{ find: /^react-router$/, replacement: fileURLToPath(new URL('../node_modules/react-router/dist/production/index.mjs', import.meta.url)) }],
  },
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
