import type { ServiceDeskConfig } from './config-schema.ts';
import { parseConfig } from './define-config.ts';
import { replaceServiceDeskConfig } from './service-desk-config.ts';

/**
 * Validates a configuration and makes it this process's before anything reads it: for tests and
 * benchmarks that need a policy or a desk the shipped example does not have.
 */
export function useServiceDeskConfig(config: unknown): ServiceDeskConfig {
  const parsed = parseConfig(config);
  replaceServiceDeskConfig(parsed);
  return parsed;
}
