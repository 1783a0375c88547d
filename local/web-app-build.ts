import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalRuntimeError } from './local-runtime-error.ts';
import { WEB_DIST_DIR } from './web-app-files.ts';

const VITE_CONFIG = fileURLToPath(new URL('../web/vite.config.ts', import.meta.url));

/**
 * `WEB_BUILD`: `watch` (the default) keeps web/dist built while `npm start` runs; `none` builds
 * nothing and serves web/dist as it is, for runs that must not rewrite it while something else
 * uses it (`npm run docs:check` beside the browser tests) or that need no web app at all.
 */
export type WebBuildMode = 'watch' | 'none';

export function webBuildModeFromEnv(env: NodeJS.ProcessEnv = process.env): WebBuildMode {
  const raw = env.WEB_BUILD;
  if (raw === undefined || raw === '' || raw === 'watch') return 'watch';
  if (raw === 'none') return 'none';
  throw new LocalRuntimeError(`WEB_BUILD=${raw} is not a web build mode; use watch (the default) or none (serve web/dist as it is).`);
}

/** Whether web/dist holds a built app. */
export function webAppBuilt(): boolean {
  return existsSync(join(WEB_DIST_DIR, 'index.html'));
}

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
  const missing = !webAppBuilt();
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
