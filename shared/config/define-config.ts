import { ConfigError, configProblems } from './config-error.ts';
import { serviceDeskConfigSchema, type ServiceDeskConfig, type ServiceDeskConfigInput } from './config-schema.ts';

/** Typed helper for servicedesk.config.ts: gives editor completion, validation happens in parseConfig. */
export function defineConfig(config: ServiceDeskConfigInput): ServiceDeskConfigInput {
  return config;
}

/** Validates a configuration; throws a ConfigError naming each bad path. */
export function parseConfig(input: unknown): ServiceDeskConfig {
  const result = serviceDeskConfigSchema.safeParse(input);
  if (!result.success) throw new ConfigError(configProblems(result.error));
  return result.data;
}
