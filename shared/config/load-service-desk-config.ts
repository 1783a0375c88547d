import rawConfig from '#config';
import type { ServiceDeskConfig } from './config-schema.ts';
import { parseConfig } from './define-config.ts';

/**
 * Reads and validates servicedesk.config.ts: what `npm start`, the tests and the tools run. The
 * Lambda bundles replace this module (package import `#service-desk-config-loader`) with the
 * configuration already validated at `cdk synth`, as plain data, so a function starts without
 * the configuration's schemas (see infra/bundling/shipped-config.ts).
 */
export function loadServiceDeskConfig(): ServiceDeskConfig {
  return parseConfig(rawConfig);
}
