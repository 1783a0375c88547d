import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_DIST_DIR } from './web-app-files.ts';

const VITE_CONFIG = fileURLToPath(new URL('../web/vite.config.ts', import.meta.url));

export interface RunningWebAppBuild {
  stop(): Promise<void>;
}

/**
 * Keeps web/dist up to date while `npm start` runs: Vite's watch build rebuilds on every change
 * under web/src, and the server reads the files on each request, so a reload shows the change.
 * When web/dist has no index.html yet, the first build finishes before this returns.
 */
export async function startWebAppBuild(log: (line: string) => void = (line) => console.log(line)): Promise<RunningWebAppBuild> {
  const { build } = await import('vite');
  const missing = !existsSync(join(WEB_DIST_DIR, 'index.html'));
  if (missing) {
    log('Building the web app into web/dist (first start) ...');
    await build({ configFile: VITE_CONFIG, logLevel: 'warn' });
  }
  const watcher = await build({ configFile: VITE_CONFIG, logLevel: 'warn', build: { watch: {} } });
  if (!('on' in watcher)) return { stop: async () => undefined };
  let first = true;
  watcher.on('event', (event) => {
    if (event.code === 'BUNDLE_END') {
      void event.result.close();
      if (!first) log(`Web app rebuilt in ${event.duration} ms`);
      first = false;
    } else if (event.code === 'ERROR') {
      void event.result?.close();
      log(`Web app build failed: ${event.error.message}`);
      first = false;
    }
  });
  return { stop: () => watcher.close() };
}
