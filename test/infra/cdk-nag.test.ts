import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserPool } from 'aws-cdk-lib/aws-cognito';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from 'aws-cdk-lib';
import rawConfig from '#config';
import { buildTestApp, SYNTH_TIMEOUT_MS } from './build-test-app.ts';

interface Violation {
  ruleName: string;
  severity: string;
  violatingConstructs?: { constructPath: string }[];
  violatingResources?: { constructPath?: string }[];
}
interface ValidationReport {
  pluginReports: { pluginName: string; violations: Violation[] }[];
}

type Finding = { pack: string; rule: string; severity: string; path: string };

/** The cdk-nag rule packs every synth runs. */
const PACKS = ['AwsSolutions', 'Serverless'];

/** Synthesises with the checks on and returns the findings of every cdk-nag pack in the validation report. */
function synthFindings(app: App): { findings: Finding[]; synthError: unknown } {
  let synthError: unknown;
  try {
    app.synth();
  } catch (error) {
    synthError = error;
  }
  const report = JSON.parse(readFileSync(join(app.outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
  const findings = report.pluginReports
    .filter((plugin) => PACKS.includes(plugin.pluginName))
    .flatMap((plugin) => plugin.violations.map((violation) => ({ pack: plugin.pluginName, violation })))
    .flatMap(({ pack, violation }) =>
      [...(violation.violatingConstructs ?? []), ...(violation.violatingResources ?? [])].map((construct) => ({
        pack,
        rule: violation.ruleName,
        severity: violation.severity,
        path: construct.constructPath ?? '',
      })),
    );
  return { findings, synthError };
}

let findings: Finding[];
let stackNames: string[];
let synthError: unknown;

beforeAll(() => {
  // The AWS Solutions checks only read resources, so the placeholder assets of skipped bundling do.
  const { app, stateful, service } = buildTestApp({ nag: true, skipBundling: true });
  stackNames = [stateful.stackName, service.stackName];
  ({ findings, synthError } = synthFindings(app));
}, SYNTH_TIMEOUT_MS);

describe('AWS Solutions and Serverless checks (cdk-nag)', () => {
  it('synthesises with the checks enabled', () => {
    expect(synthError).toBeUndefined();
  });

  it.each(['Stateful', 'Service'])('leaves no unacknowledged error in the %s stack', (kind) => {
    const stack = stackNames.find((name) => name.endsWith(kind))!;
    expect(findings.filter((f) => f.severity === 'error' && f.path.startsWith(`${stack}/`))).toEqual([]);
  });

  it.each(['Stateful', 'Service'])('leaves no unacknowledged warning in the %s stack', (kind) => {
    const stack = stackNames.find((name) => name.endsWith(kind))!;
    expect(findings.filter((f) => f.severity !== 'error' && f.path.startsWith(`${stack}/`))).toEqual([]);
  });

  it('reports nothing outside the two stacks either', () => {
    expect(findings).toEqual([]);
  });
});

describe('a user pool on the Essentials plan', () => {
  it('leaves no unacknowledged finding: the missing threat protection is acknowledged with its reason', () => {
    const { app } = buildTestApp({ nag: true, skipBundling: true, config: { ...rawConfig, signIn: { ...rawConfig.signIn, featurePlan: 'essentials' } } });
    const result = synthFindings(app);
    expect(result.synthError).toBeUndefined();
    expect(result.findings).toEqual([]);
  });
});

describe('the checks are live', () => {
  it('fails the synth on a resource that breaks an AWS Solutions rule', () => {
    const { app, service } = buildTestApp({ nag: true, skipBundling: true });
    new UserPool(service, 'UncheckedPool');
    const result = synthFindings(app);
    expect(result.synthError).toBeDefined();
    expect(result.findings).toContainEqual(expect.objectContaining({ pack: 'AwsSolutions', rule: 'AwsSolutions-COG1', severity: 'error', path: `${service.stackName}/UncheckedPool/Resource` }));
  });

  it('fails the synth on a resource that breaks a Serverless rule', () => {
    const { app, service } = buildTestApp({ nag: true, skipBundling: true });
    // Encrypted and TLS-only, so only the missing dead-letter queue is wrong with it.
    new Queue(service, 'QueueWithoutDeadLetters', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
    const result = synthFindings(app);
    expect(result.synthError).toBeDefined();
    expect(result.findings).toContainEqual({
      pack: 'Serverless',
      rule: 'Serverless-SQSRedrivePolicy',
      severity: 'error',
      path: `${service.stackName}/QueueWithoutDeadLetters/Resource`,
    });
  });
});
