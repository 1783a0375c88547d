import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import rawConfig from '#config';
import { shipConfig } from '../../infra/bundling/shipped-config.ts';
import { ServiceDeskFunction } from '../../infra/constructs/service-desk-function.ts';
import { stageSettings } from '../../infra/stage.ts';
import { parseConfig } from '../../shared/config/define-config.ts';
import { SYNTH_TIMEOUT_MS, TEST_ENV } from './build-test-app.ts';

/** The bundle CDK builds for one entry, in an app that ships `ticketKeyPrefix` (or none). */
function bundleOf(entry: string, ticketKeyPrefix?: string): string {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'service-desk-bundle-')), context: { 'aws:cdk:enable-asset-metadata': true } });
  if (ticketKeyPrefix) shipConfig(app, parseConfig({ ...rawConfig, ticketKeyPrefix }));
  const stack = new Stack(app, 'Bundles', { env: TEST_ENV });
  new ServiceDeskFunction(stack, 'Fn', { entry, settings: stageSettings('test') });
  const assembly = app.synth();
  const template = assembly.getStackByName('Bundles').template as { Resources: Record<string, { Type: string; Metadata?: Record<string, string> }> };
  const asset = Object.values(template.Resources).find((resource) => resource.Type === 'AWS::Lambda::Function')!.Metadata!['aws:asset:path']!;
  return readFileSync(join(assembly.directory, asset, 'index.mjs'), 'utf8');
}

// zod's schema classes carry their names as strings, which minifying keeps.
const ZOD_MARKER = '"$ZodType"';

let shipped: string;
let unshipped: string;

beforeAll(() => {
  shipped = bundleOf('functions/http/get-catalog.ts', 'CARRIED');
  unshipped = bundleOf('functions/http/get-catalog.ts');
}, SYNTH_TIMEOUT_MS);

describe('the configuration in the function bundles', () => {
  it('carries the configuration the app was built with, as data, without its schemas', () => {
    expect(shipped).toContain('"ticketKeyPrefix":"CARRIED"');
    expect(shipped).not.toContain(ZOD_MARKER);
  });

  it('validates servicedesk.config.ts as the function starts when the app ships no configuration', () => {
    expect(unshipped).toContain(ZOD_MARKER);
    expect(unshipped).not.toContain('CARRIED');
  });
});
