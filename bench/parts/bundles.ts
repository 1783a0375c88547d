/**
 * Cold start proxies per Lambda function: the bundle CDK deploys (minified, as `cdk synth` builds
 * it) and the time to import it in a fresh Node process, with what each bundle is made of.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import rawConfig from '#config';
import { writeShippedConfigModule } from '../../infra/bundling/shipped-config.ts';
import { bundleAliases, FUNCTION_BUNDLING, PROJECT_ROOT } from '../../infra/constructs/service-desk-function.ts';
import { builtInHolidays } from '../../infra/service-stack.ts';
import type { ServiceDeskConfig } from '../../shared/config/config-schema.ts';
import { parseConfig } from '../../shared/config/define-config.ts';
import { HTTP_ROUTES } from '../../functions/http/routes.ts';
import { ENV } from '../../shared/environment.ts';
import { median, round } from '../lib/stats.ts';

const run = promisify(execFile);

export interface FunctionBundle {
  name: string;
  entry: string;
  bytes: number;
  /** Its size target: SIZE_TARGET_BYTES or, for a function that writes, WRITE_SIZE_TARGET_BYTES. */
  sizeTargetBytes: number;
  /** Median import time in a fresh process, with the NODE_OPTIONS the stack gives the function. */
  initMs: number;
  /** The fastest of those imports: less disturbed by other work on the machine than the median. */
  initMinMs: number;
  /** Median import time with Node's source map support on (`-c sourceMaps=on`), to show what it costs. */
  initWithSourceMapsMs: number;
  /** The largest packages in the bundle, by bytes of output. */
  largest: { module: string; bytes: number }[];
  meetsSizeTarget: boolean;
  meetsInitTarget: boolean;
}

export interface BundlesResult {
  synthSeconds: number;
  initRuns: number;
  /** Whether the synthesized functions turn Node's source map support on (NODE_OPTIONS). */
  sourceMapsAtRunTime: boolean;
  /** The Node.js version that imported the bundles. */
  nodeVersion: string;
  sizeTargetBytes: number;
  writeSizeTargetBytes: number;
  initTargetMs: number;
  functions: FunctionBundle[];
  /** Counted in the synthesized templates, for the idle cost. */
  template: TemplateCounts;
}

export interface TemplateCounts {
  functions: number;
  /** Functions with X-Ray active tracing (off unless deployed with -c tracing=active). */
  tracedFunctions: number;
  alarms: number;
  sqsQueues: number;
  sqsQueuesPolledByLambda: number;
  kmsKeys: number;
  secrets: number;
  logGroups: number;
  userPools: number;
  /** Functions (names without the stage prefix) the stack tells where the signing key is. */
  signingKeyReaders: string[];
}

/** Read routes (and the sign-up trigger, which only reads) must fit in 300 KB. */
export const SIZE_TARGET_BYTES = 300 * 1024;
/** Functions that write tickets carry the SLA accounting (calendars, clocks): 400 KB. */
export const WRITE_SIZE_TARGET_BYTES = 400 * 1024;

/** The size target of a function: a route by its table access; the consumers and the sweep write, the sign-up trigger reads. */
export function sizeTargetOf(name: string): number {
  const route = HTTP_ROUTES.find((candidate) => candidate.handler === name);
  const writes = route ? route.table === 'write' : name !== 'pre-sign-up';
  return writes ? WRITE_SIZE_TARGET_BYTES : SIZE_TARGET_BYTES;
}
export const INIT_TARGET_MS = 80;

export async function measureBundles(options: { initRuns: number; node: string }): Promise<BundlesResult> {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-cdk-'));
  try {
    const started = performance.now();
    await run('npx', ['cdk', 'synth', '--quiet', '--output', outdir], { cwd: PROJECT_ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CDK_DISABLE_VERSION_CHECK: 'true' } });
    const synthSeconds = round((performance.now() - started) / 1000);
    const templates = ['Stateful', 'Service'].map((kind) => JSON.parse(readFileSync(join(outdir, `ServiceDesk-dev-${kind}.template.json`), 'utf8')) as Template);
    const service = templates[1]!;
    const config = parseConfig(rawConfig);
    const holidays = builtInHolidays(config);
    const functions: FunctionBundle[] = [];
    let sourceMapsAtRunTime = false;
    for (const resource of Object.values(service.Resources)) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const assetPath = resource.Metadata?.['aws:asset:path'];
      const functionName = resource.Properties.FunctionName;
      if (!assetPath || typeof functionName !== 'string') continue;
      const name = functionName.replace(/^service-desk-dev-/, '');
      const file = join(outdir, assetPath, 'index.mjs');
      const entry = entryOf(name);
      const bytes = statSync(file).size;
      const sourceMaps = String(resource.Properties.Environment?.Variables?.NODE_OPTIONS ?? '').includes('--enable-source-maps');
      sourceMapsAtRunTime ||= sourceMaps;
      const init = await importTimes(options.node, file, options.initRuns, sourceMaps);
      const initMs = round(median(init));
      const initWithSourceMapsMs = sourceMaps ? initMs : round(median(await importTimes(options.node, file, Math.min(3, options.initRuns), true)));
      functions.push({
        name,
        entry,
        bytes,
        initMs,
        initMinMs: round(Math.min(...init)),
        initWithSourceMapsMs,
        largest: await largestModules(entry, config, holidays),
        sizeTargetBytes: sizeTargetOf(name),
        meetsSizeTarget: bytes <= sizeTargetOf(name),
        meetsInitTarget: initMs <= INIT_TARGET_MS,
      });
    }
    const nodeVersion = (await run(options.node, ['--version'])).stdout.trim();
    return {
      synthSeconds,
      initRuns: options.initRuns,
      sourceMapsAtRunTime,
      nodeVersion,
      sizeTargetBytes: SIZE_TARGET_BYTES,
      writeSizeTargetBytes: WRITE_SIZE_TARGET_BYTES,
      initTargetMs: INIT_TARGET_MS,
      functions,
      template: countResources(templates),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

interface Template {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- CloudFormation's JSON, read field by field
  Resources: Record<string, { Type: string; Properties: Record<string, any>; Metadata?: Record<string, string> }>;
}

function entryOf(name: string): string {
  // Route handlers live in functions/http, queue consumers in functions/sqs, the stream consumer in
  // functions/stream, what a schedule starts in functions/scheduled.
  const entry = ['http', 'sqs', 'stream', 'scheduled'].map((folder) => `functions/${folder}/${name}.ts`).find((path) => existsSync(join(PROJECT_ROOT, path)));
  if (!entry) throw new Error(`No entry file for function ${name} under functions/`);
  return entry;
}

/** Times of `import()` of the bundle in fresh processes, one after another. */
async function importTimes(node: string, file: string, runs: number, sourceMaps: boolean): Promise<number[]> {
  const script = `const started = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - started));`;
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const { stdout } = await run(node, [...(sourceMaps ? ['--enable-source-maps'] : []), '--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    times.push(Number(stdout));
  }
  return times;
}

/** Rebuilds the entry with the stack's bundling options and an esbuild metafile, and ranks its packages. */
async function largestModules(entry: string, config: ServiceDeskConfig, holidays: string): Promise<{ module: string; bytes: number }[]> {
  const result = await build({
    entryPoints: [join(PROJECT_ROOT, entry)],
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: FUNCTION_BUNDLING.target,
    minify: FUNCTION_BUNDLING.minify,
    mainFields: [...FUNCTION_BUNDLING.mainFields],
    banner: { js: FUNCTION_BUNDLING.banner },
    external: [...FUNCTION_BUNDLING.externalModules],
    alias: bundleAliases(writeShippedConfigModule(config)),
    define: { 'process.env.SERVICEDESK_PUBLIC_HOLIDAYS': JSON.stringify(holidays) },
    write: false,
    metafile: true,
    outfile: 'index.mjs',
    logLevel: 'error',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  const byModule = new Map<string, number>();
  for (const [file, input] of Object.entries(output.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const module = match ? match[1]! : `(project) ${file.split('/').slice(0, 2).join('/')}`;
    byModule.set(module, (byModule.get(module) ?? 0) + input.bytesInOutput);
  }
  return [...byModule]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([module, bytes]) => ({ module, bytes }));
}

function countResources(templates: Template[]): TemplateCounts {
  const resources = templates.flatMap((template) => Object.values(template.Resources));
  const ofType = (type: string) => resources.filter((resource) => resource.Type === type);
  const polled = new Set(
    ofType('AWS::Lambda::EventSourceMapping')
      .map((mapping) => JSON.stringify(mapping.Properties.EventSourceArn))
      .filter((arn) => arn.includes('Queue')),
  );
  return {
    functions: ofType('AWS::Lambda::Function').length,
    tracedFunctions: ofType('AWS::Lambda::Function').filter((fn) => fn.Properties.TracingConfig?.Mode === 'Active').length,
    // CloudWatch bills a standard alarm per metric it reads: a math alarm over 4 metrics costs 4.
    alarms: ofType('AWS::CloudWatch::Alarm').reduce((sum, alarm) => sum + ((alarm.Properties.Metrics as { MetricStat?: unknown }[] | undefined)?.filter((metric) => metric.MetricStat).length || 1), 0),
    sqsQueues: ofType('AWS::SQS::Queue').length,
    sqsQueuesPolledByLambda: polled.size,
    kmsKeys: ofType('AWS::KMS::Key').length,
    secrets: ofType('AWS::SecretsManager::Secret').length,
    logGroups: ofType('AWS::Logs::LogGroup').length,
    userPools: ofType('AWS::Cognito::UserPool').length,
    signingKeyReaders: ofType('AWS::Lambda::Function')
      .filter((fn) => fn.Properties.Environment?.Variables?.[ENV.approvalLinkKeyParameter] !== undefined)
      .map((fn) => String(fn.Properties.FunctionName).replace(/^service-desk-dev-/, '')),
  };
}
