import { join } from 'node:path';
import { Tags, Validations, type App, type Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { parseConfig } from '../shared/config/define-config.ts';
import type { ServiceDeskConfig } from '../shared/config/config-schema.ts';
import type { HttpRoute } from '../functions/http/routes.ts';
import { shipConfig } from './bundling/shipped-config.ts';
import { PROJECT_ROOT } from './constructs/service-desk-function.ts';
import { ServiceStack } from './service-stack.ts';
import { parseStage, stageSettings } from './stage.ts';
import { StatefulStack } from './stateful-stack.ts';
import { checkSignInConfig } from './user-pool-sign-in.ts';

/** Where `npm run build:web` writes the web app. */
export const WEB_APP_DIRECTORY = join(PROJECT_ROOT, 'web', 'dist');

export interface BuildAppOptions {
  /** Stage name (validated); defaults to the `stage` context value, then `dev`. */
  stage?: string;
  /** The raw service desk configuration (servicedesk.config.ts); validated before any stack is built. */
  config: unknown;
  env?: Environment;
  /** Run the cdk-nag AWS Solutions and Serverless checks at synth; on by default. */
  nag?: boolean;
  /** Only for tests that need a subset of the route manifest. */
  routes?: readonly HttpRoute[];
  /** The built web app; defaults to web/dist. */
  webAppDirectory?: string;
}

export interface ServiceDeskApp {
  stage: string;
  config: ServiceDeskConfig;
  stateful: StatefulStack;
  service: ServiceStack;
}

/**
 * Builds the service desk's stacks into an app: `ServiceDesk-<stage>-Stateful` and
 * `ServiceDesk-<stage>-Service`. Throws a ConfigError or StageError before creating anything.
 */
export function buildApp(app: App, options: BuildAppOptions): ServiceDeskApp {
  const stage = parseStage(options.stage ?? app.node.tryGetContext('stage'));
  const config = parseConfig(options.config);
  checkSignInConfig(config);
  shipConfig(app, config);
  const settings = stageSettings(stage, {
    ...contextUrls(app),
    tracing: tracingFromContext(app.node.tryGetContext('tracing')),
    sourceMaps: sourceMapsFromContext(app.node.tryGetContext('sourceMaps')),
  });

  const stateful = new StatefulStack(app, `ServiceDesk-${stage}-Stateful`, {
    env: options.env,
    description: `Service desk ${stage}: table and user pool (retained on delete)`,
    settings,
    terminationProtection: settings.production,
    ...(config.email ? { email: config.email } : {}),
    signIn: config.signIn,
  });
  const service = new ServiceStack(app, `ServiceDesk-${stage}-Service`, {
    env: options.env,
    description: `Service desk ${stage}: HTTP API, functions and the web app`,
    settings,
    table: stateful.table,
    userPool: stateful.userPool,
    userPoolDomain: stateful.userPoolDomain,
    identityProviders: stateful.identityProviders,
    machineClient: stateful.machineClient,
    tokenEndpoint: stateful.tokenEndpoint,
    webAppDirectory: options.webAppDirectory ?? WEB_APP_DIRECTORY,
    config,
    deadLetters: stateful.deadLetters,
    ...(stateful.emailIntake ? { emailIntake: stateful.emailIntake } : {}),
    routes: options.routes,
  });
  // The functions read the table and the API trusts the pool's tokens: both must exist first, and
  // `cdk deploy ServiceDesk-<stage>-Service` alone must deploy the stateful stack before it.
  service.addStackDependency(stateful, 'the service reads the table and trusts the user pool');

  for (const stack of [stateful, service]) {
    Tags.of(stack).add('application', 'service-desk');
    Tags.of(stack).add('stage', stage);
  }

  if (options.nag ?? true) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }), new ServerlessChecks(app, { verbose: true }));
  }
  return { stage, config, stateful, service };
}

/** Optional `-c callbackUrls=https://a/cb,https://b/cb` and `-c logoutUrls=...`: the web client's URLs beside the distribution's. */
function contextUrls(app: App): { callbackUrls?: string[]; logoutUrls?: string[] } {
  const list = (key: string): string[] | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    if (value === undefined) return undefined;
    if (Array.isArray(value)) return value.map(String);
    return String(value)
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean);
  };
  return { callbackUrls: list('callbackUrls'), logoutUrls: list('logoutUrls') };
}

/** `-c sourceMaps=on` turns Node's source map support on in every function. */
function sourceMapsFromContext(value: unknown): boolean {
  if (value === undefined || value === 'off' || value === false) return false;
  if (value === 'on' || value === true) return true;
  throw new Error(`Invalid sourceMaps "${String(value)}": use -c sourceMaps=on (or leave it out for none at run time)`);
}

/** `-c tracing=active` turns X-Ray active tracing on; anything else but nothing is a mistake worth saying. */
function tracingFromContext(value: unknown): boolean {
  if (value === undefined || value === 'off' || value === false) return false;
  if (value === 'active' || value === true) return true;
  throw new Error(`Invalid tracing "${String(value)}": use -c tracing=active (or leave it out for no tracing)`);
}
