import rawConfig from '#config';
import { parseConfig } from './define-config.ts';
import type { ServiceDeskConfig } from './config-schema.ts';

let cached: ServiceDeskConfig | undefined;

/** The validated configuration of this deployment, parsed once per process. */
export function serviceDeskConfig(): ServiceDeskConfig {
  cached ??= parseConfig(rawConfig);
  return cached;
}
