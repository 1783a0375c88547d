import { loadServiceDeskConfig } from '#service-desk-config-loader';
import type { ServiceDeskConfig } from './config-schema.ts';

let cached: ServiceDeskConfig | undefined;

/**
 * Replaces the configuration of this process before anything reads it, already validated: see
 * useServiceDeskConfig for tests that need a policy or a desk the shipped example does not have.
 */
export function replaceServiceDeskConfig(config: ServiceDeskConfig): void {
  cached = config;
}

/** The validated configuration of this deployment, loaded once per process. */
export function serviceDeskConfig(): ServiceDeskConfig {
  cached ??= loadServiceDeskConfig();
  return cached;
}
