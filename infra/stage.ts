import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** Stage names go into stack and resource names, so they stay short and DNS-safe. */
export const STAGE_PATTERN = /^[a-z][a-z0-9-]{1,15}$/;

export const DEFAULT_STAGE = 'dev';

/** Thrown for a stage name that would make invalid or colliding resource names. */
export class StageError extends Error {
  constructor(stage: string) {
    super(`Invalid stage "${stage}": use 2-16 lower-case letters, digits or dashes, starting with a letter ` + `(e.g. npx cdk deploy --all -c stage=prod)`);
    this.name = 'StageError';
  }
}

/** Validates a stage name taken from the `stage` context value; undefined means the default stage. */
export function parseStage(value: unknown): string {
  const stage = value === undefined ? DEFAULT_STAGE : String(value);
  if (!STAGE_PATTERN.test(stage)) throw new StageError(stage);
  return stage;
}

export interface StageSettings {
  stage: string;
  production: boolean;
  logRetention: RetentionDays;
  /** What happens to log groups when the stack goes; data stores are retained on every stage. */
  logRemovalPolicy: RemovalPolicy;
  logLevel: 'DEBUG' | 'INFO';
  /** Web client redirect URLs after sign-in and sign-out besides the distribution's own (local development). */
  callbackUrls: string[];
  logoutUrls: string[];
  idTokenValidity: Duration;
  /**
   * X-Ray active tracing of the functions: off unless `-c tracing=active`, since it is the largest
   * line of the bill after mail (USD 5 per million traces) and the logs carry each request's id.
   */
  tracing: boolean;
  /**
   * Node's source map support at run time (`NODE_OPTIONS=--enable-source-maps`): off unless
   * `-c sourceMaps=on`, since it adds about 20 ms to every cold start; the maps ship with each
   * bundle either way, so a minified stack trace can be mapped back after the fact.
   */
  sourceMaps: boolean;
}

const PRODUCTION_STAGES = new Set(['prod', 'production']);

/** Settings that follow the stage: production keeps logs longer and logs less. */
export function stageSettings(stage: string, overrides: Partial<Pick<StageSettings, 'callbackUrls' | 'logoutUrls' | 'tracing' | 'sourceMaps'>> = {}): StageSettings {
  const production = PRODUCTION_STAGES.has(stage);
  return {
    stage,
    production,
    logRetention: production ? RetentionDays.ONE_YEAR : RetentionDays.ONE_WEEK,
    logRemovalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    logLevel: production ? 'INFO' : 'DEBUG',
    callbackUrls: overrides.callbackUrls ?? ['http://localhost:3000/auth/callback'],
    logoutUrls: overrides.logoutUrls ?? ['http://localhost:3000/', 'http://localhost:3000/signed-out'],
    idTokenValidity: Duration.hours(1),
    tracing: overrides.tracing ?? false,
    sourceMaps: overrides.sourceMaps ?? false,
  };
}
