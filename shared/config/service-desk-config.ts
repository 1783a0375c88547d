import rawConfig from '#config';
import { parseConfig } from './define-config.ts';
import type { ServiceDeskConfig } from './config-schema.ts';

let cached: ServiceDeskConfig | undefined;

/**
 * Replaces the configuration of this process before anything reads it: for tests that need a
 * policy or a desk the shipped example does not have.
 */
export function useServiceDeskConfig(config: unknown): ServiceDeskConfig {
  cached = parseConfig(config);
  return cached;
}

/** The validated configuration of this deployment, parsed once per process. */
export function serviceDeskConfig(): ServiceDeskConfig {
  cached ??= parseConfig(rawConfig);
  return cached;
}
