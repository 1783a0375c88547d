/**
 * The configuration the Lambda bundles carry: validated once at `cdk synth`, written as an ES
 * module of plain data that an esbuild alias puts in place of the package import
 * `#service-desk-config-loader` (shared/config/load-service-desk-config.ts). A function then
 * starts without the configuration's zod schemas and parses no configuration at all.
 */
import { isDeepStrictEqual } from 'node:util';
import type { IConstruct } from 'constructs';
import type { ServiceDeskConfig } from '../../shared/config/config-schema.ts';
import { writeGeneratedModule } from './generated-module.ts';

/** The package import that the bundles resolve to the shipped configuration. */
export const CONFIG_LOADER_IMPORT = '#service-desk-config-loader';

const shippedModules = new WeakMap<IConstruct, string>();

/**
 * Writes the module for a validated configuration and returns its path; the same configuration
 * gives the same file, so parallel syntheses share it.
 */
export function writeShippedConfigModule(config: ServiceDeskConfig): string {
  const json = JSON.stringify(config);
  // A transform that produced a Date, a Map or an undefined value would not survive as JSON.
  if (!isDeepStrictEqual(JSON.parse(json), config)) throw new Error('The validated configuration is not plain JSON data, so the functions cannot carry it');
  const source = `// servicedesk.config.ts as validated at cdk synth.\nconst config = JSON.parse(${JSON.stringify(json)});\nexport function loadServiceDeskConfig() {\n  return config;\n}\n`;
  return writeGeneratedModule('config', source);
}

/** Every ServiceDeskFunction under `app` ships this configuration (buildApp calls it first). */
export function shipConfig(app: IConstruct, config: ServiceDeskConfig): void {
  shippedModules.set(app.node.root, writeShippedConfigModule(config));
}

/** The shipped configuration's module for a function, or undefined: the bundle then validates servicedesk.config.ts as it starts. */
export function shippedConfigModuleOf(scope: IConstruct): string | undefined {
  return shippedModules.get(scope.node.root);
}
