import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import rawConfig from '#config';
import { PROJECT_ROOT } from '../../infra/constructs/service-desk-function.ts';
import { buildApp, type BuildAppOptions, type ServiceDeskApp } from '../../infra/service-desk-app.ts';

/** Synthesis (and esbuild) runs in beforeAll, whose default timeout is 10 s; files run in parallel. */
export const SYNTH_TIMEOUT_MS = 180_000;

export const TEST_ENV = { account: '123456789012', region: 'eu-west-1' } as const;

/** The feature flags of cdk.json, so tests synthesise what `npx cdk synth` does. */
function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

/** A stand-in for web/dist: an index.html and one hashed bundle, as `npm run build:web` writes them. */
export function testWebAppDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'service-desk-web-'));
  writeFileSync(join(directory, 'index.html'), '<!doctype html><title>Service desk</title><script type="module" src="/assets/index-abc123.js"></script>');
  mkdirSync(join(directory, 'assets'));
  writeFileSync(join(directory, 'assets', 'index-abc123.js'), 'console.log("service desk");');
  return directory;
}

export interface TestAppOptions extends Partial<BuildAppOptions> {
  /** Skip esbuild (assets become placeholders); resources stay the same. */
  skipBundling?: boolean;
  /** Context values as `-c name=value` gives them. */
  context?: Record<string, unknown>;
}

export function buildTestApp(options: TestAppOptions = {}): ServiceDeskApp & { app: App } {
  const { skipBundling, context: extraContext, ...buildOptions } = options;
  const context: Record<string, unknown> = { ...cdkJsonContext(), ...extraContext };
  if (skipBundling) context['aws:cdk:bundling-stacks'] = [];
  const app = new App({ context, outdir: mkdtempSync(join(tmpdir(), 'service-desk-cdk-')) });
  const built = buildApp(app, { config: rawConfig, env: TEST_ENV, stage: 'test', nag: false, webAppDirectory: testWebAppDirectory(), ...buildOptions });
  return { ...built, app };
}

export type StackKind = 'Stateful' | 'Service';
/** A value of a synthesised template: CloudFormation's JSON, which the tests read field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- no type describes every resource's properties; the tests read what they check
export type TemplateValue = any;
export type TemplateResource = { Type: string; Properties: Record<string, TemplateValue> };

/**
 * Both stacks' resources by logical id, synthesised with placeholder assets (resources, policies
 * and alarms are the same without bundling), for tests that read across the two stacks.
 */
export function stackResources(options: TestAppOptions = {}): Record<StackKind, Record<string, TemplateResource>> {
  const { stateful, service } = buildTestApp({ skipBundling: true, ...options });
  return { Stateful: Template.fromStack(stateful).toJSON().Resources, Service: Template.fromStack(service).toJSON().Resources };
}
