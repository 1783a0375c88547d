import { defineConfig } from 'vitest/config';

const ONE_FUNCTION_PER_FILE = 'test/support/one-function-per-file.ts';
// The tests run on the development machines' Node.js 20 too (Lambda runs 22): the SDK's notice of that is no test output.
const QUIET_SDK = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
// The global set-ups (DynamoDB Local, the browser's runtime) load the SDK in this process, before any project's env applies.
Object.assign(process.env, QUIET_SDK);

export default defineConfig({
  test: {
    projects: [
      // Generous timeouts: the projects run side by side on two cores, and a timeout is no assertion.
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], setupFiles: [ONE_FUNCTION_PER_FILE], env: QUIET_SDK, testTimeout: 30_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          setupFiles: [ONE_FUNCTION_PER_FILE],
          // Refused requests are logged at INFO; keep test output to warnings and errors.
          env: { POWERTOOLS_LOG_LEVEL: 'WARN', ...QUIET_SDK },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The web app's components and logic, in a simulated DOM; the real browser runs in test/browser.
        test: { name: 'web', include: ['web/src/**/*.test.{ts,tsx}'], environment: 'happy-dom', testTimeout: 30_000 },
      },
      {
        // The built app (web/dist) in Debian's Chromium against the local runtime, checked by axe on every page.
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // After the other projects: Chromium and its runtime would starve their timers on two cores.
          sequence: { groupOrder: 1 },
          globalSetup: ['test/browser/global-setup.ts'],
          setupFiles: [ONE_FUNCTION_PER_FILE],
          env: { POWERTOOLS_LOG_LEVEL: 'WARN', ...QUIET_SDK },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], env: QUIET_SDK, testTimeout: 300_000, hookTimeout: 300_000 } },
    ],
  },
});
