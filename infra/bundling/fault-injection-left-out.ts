/**
 * Replaces `#fault-injection` (shared/adapters/fault-injection.ts) in the Lambda bundles (an
 * esbuild alias set by ServiceDeskFunction). Faults are injected in local runs, the tests and the
 * soak run, none of which is bundled; a deployed function leaves its clients as they are, whatever
 * its environment says.
 */
export function injectFaultsFromEnv<T>(client: T): T {
  return client;
}
