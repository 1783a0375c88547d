import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import rawConfig from '#config';
import { ConfigError } from '../../shared/config/config-error.ts';
import { PROJECT_ROOT } from '../../infra/constructs/service-desk-function.ts';
import { buildApp } from '../../infra/service-desk-app.ts';
import { parseStage, StageError } from '../../infra/stage.ts';
import { WebAppBuildMissingError } from '../../infra/web-hosting.ts';
import { testWebAppDirectory } from './build-test-app.ts';

describe('stage', () => {
  it('defaults to dev', () => {
    expect(parseStage(undefined)).toBe('dev');
  });

  it.each(['prod', 'dev', 'feature-42'])('accepts %s', (stage) => {
    expect(parseStage(stage)).toBe(stage);
  });

  it.each(['Prod', 'a', '1dev', 'dev_1', 'a-very-long-stage-name'])('rejects %s with the rule it breaks', (stage) => {
    expect(() => parseStage(stage)).toThrow(StageError);
    expect(() => parseStage(stage)).toThrow(/2-16 lower-case letters, digits or dashes/);
  });

  it('names both stacks after the stage from the context', () => {
    const app = new App({ context: { stage: 'qa', 'aws:cdk:bundling-stacks': [] } });
    const { stateful, service } = buildApp(app, { config: rawConfig, nag: false, webAppDirectory: testWebAppDirectory() });
    expect([stateful.stackName, service.stackName]).toEqual(['ServiceDesk-qa-Stateful', 'ServiceDesk-qa-Service']);
    expect(service.dependencies).toContain(stateful);
  });
});

describe('source maps at run time', () => {
  const nodeOptions = (context: Record<string, unknown>): unknown[] => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
    const { service } = buildApp(app, { config: rawConfig, nag: false, webAppDirectory: testWebAppDirectory() });
    return Object.values(Template.fromStack(service).findResources('AWS::Lambda::Function'))
      .filter((fn) => String(fn.Properties.FunctionName ?? '').startsWith('service-desk-'))
      .map((fn) => fn.Properties.Environment?.Variables?.NODE_OPTIONS);
  };

  it('leaves them off by default, since they lengthen every cold start', () => {
    const options = nodeOptions({});
    expect(options.length).toBeGreaterThan(20);
    expect(new Set(options)).toEqual(new Set([undefined]));
  });

  it('turns them on in every function with -c sourceMaps=on', () => {
    expect(new Set(nodeOptions({ sourceMaps: 'on' }))).toEqual(new Set(['--enable-source-maps']));
  });

  it('names the setting when its value is not one it knows', () => {
    expect(() => nodeOptions({ sourceMaps: 'yes' })).toThrow(/Invalid sourceMaps "yes": use -c sourceMaps=on/);
  });
});

describe('production stage', () => {
  it('keeps logs for a year, retains them on delete and protects the stateful stack from termination', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const { stateful, service } = buildApp(app, { config: rawConfig, stage: 'prod', nag: false, webAppDirectory: testWebAppDirectory() });
    expect(stateful.terminationProtection).toBe(true);
    const template = Template.fromStack(service);
    template.allResources('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain', Properties: { RetentionInDays: 365 } });
  });
});

describe('configuration at synth', () => {
  it('rejects an invalid configuration with a ConfigError that names the path, before building any stack', () => {
    const app = new App();
    const broken = { ...rawConfig, desks: [{ id: 'It Desk', name: 'IT', levels: [{ id: 'l1', name: 'L1' }] }] };
    let thrown: unknown;
    try {
      buildApp(app, { config: broken, nag: false });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).message).toContain('desks[0].id');
    expect(app.node.children).toHaveLength(0);
  });

  it('says to build the web app first when its folder has no index.html', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const missing = join(mkdtempSync(join(tmpdir(), 'service-desk-web-')), 'dist');
    expect(() => buildApp(app, { config: rawConfig, nag: false, webAppDirectory: missing })).toThrow(WebAppBuildMissingError);
    expect(() => buildApp(new App(), { config: rawConfig, nag: false, webAppDirectory: missing })).toThrow(/npm run build:web/);
  });

  it('prints the problem and exits 1 without a stack trace when the stage is invalid', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'infra/app.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify({ stage: 'Not_Valid' }), CDK_OUTDIR: mkdtempSync(join(tmpdir(), 'service-desk-cdk-')) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid stage "Not_Valid"');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
