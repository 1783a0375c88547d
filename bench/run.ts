/**
 * `npm run bench`: what a user of the desk waits for and pays, measured through the local runtime
 * and the real handlers, written to bench/results/ (latest.json, latest.md, history.jsonl, SVG
 * charts). Benchmarks report figures against the targets; they never fail on a slow machine.
 *
 *   npm run bench                          every part, results saved
 *   npm run bench -- --only=email,timers   some parts, printed only (add --save to write them)
 *
 * Parts: dynamodb, latency, overhead, email, timers, bundles, web, console, cost. Sizes: see SETTINGS in bench-results.ts.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rawConfig from '#config';
import { useServiceDeskConfig } from '../shared/config/use-service-desk-config.ts';
import { durationMinutes } from '../shared/config/duration.ts';
import { DEFAULT_ASSUMPTIONS, monthlyCost, type CostModelResult, type Prices } from './cost-model.ts';
import { SETTINGS, type BenchResults } from './bench-results.ts';
import { startBenchRuntime, type BenchRuntime } from './lib/bench-runtime.ts';
import { barChart, histograms } from './lib/svg-charts.ts';
import { measureApiLatency } from './parts/api-latency.ts';
import { measureRequestOverhead } from './parts/request-overhead.ts';
import { measureBundles } from './parts/bundles.ts';
import { measureDynamoDbCost } from './parts/dynamodb-cost.ts';
import { measureEmailIntake } from './parts/email-intake.ts';
import { measureTimerLateness } from './parts/timer-lateness.ts';
import { measureConsoleApp } from './parts/console-app.ts';
import { measureWebApp } from './parts/web-app.ts';
import { historyEntry, renderMarkdown, type HistoryEntry } from './report.ts';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const RESULTS_DIR = join(BENCH_DIR, 'results');
const PARTS = ['dynamodb', 'latency', 'overhead', 'email', 'timers', 'bundles', 'web', 'console', 'cost'] as const;
type Part = (typeof PARTS)[number];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args
    .find((arg) => arg.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  for (const part of only ?? []) if (!PARTS.includes(part as Part)) throw new Error(`Unknown part "${part}"; the parts are ${PARTS.join(', ')}`);
  const parts = new Set<Part>((only as Part[] | undefined) ?? PARTS);
  const save = !only || args.includes('--save');
  const started = performance.now();
  const loadBefore = loadavg().map((value) => Math.round(value * 100) / 100);

  // The timer part needs a target of seconds; only the demo catalog item's policy is shortened.
  const config = structuredClone(rawConfig) as unknown as { slaPolicies: { id: string; targets: Record<string, string> }[] };
  const demo = config.slaPolicies.find((policy) => policy.id === 'sla-demo');
  if (demo) demo.targets = { firstResponse: SETTINGS.timerTarget };
  useServiceDeskConfig(config);

  const results: BenchResults = {
    takenAt: new Date().toISOString(),
    commit: gitCommit(),
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    durationSeconds: 0,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      freeMemoryGb: Math.round(freemem() / 2 ** 30),
      node: process.versions.node,
      platform: `${platform()} ${release()}`,
      loadBefore,
      loadAfter: [],
    },
    settings: SETTINGS,
  };

  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  let runtimeStarted = false;
  if (parts.has('dynamodb') || parts.has('latency') || parts.has('overhead') || parts.has('email') || parts.has('timers')) {
    log('starting the local runtime (DynamoDB Local, API, stream, timers, SMTP, SES)');
    const runtime: BenchRuntime = await startBenchRuntime('bench');
    runtimeStarted = true;
    try {
      log('warming up (DynamoDB Local compiles its hot paths on first use)');
      await runtime.warmUp();
      if (parts.has('dynamodb')) {
        log('DynamoDB cost per operation and per ticket lifecycle');
        results.dynamodb = await measureDynamoDbCost(runtime);
      }
      if (parts.has('latency')) {
        log(`API latency: ${SETTINGS.requests} requests per operation, ${SETTINGS.concurrency} in flight`);
        results.latency = await measureApiLatency(runtime, { concurrency: SETTINGS.concurrency, requests: SETTINGS.requests });
      }
      if (parts.has('overhead')) {
        log(`request overhead: ${SETTINGS.overheadRequests} requests per operation at one client, each with its DynamoDB floor`);
        results.overhead = await measureRequestOverhead(runtime, { requests: SETTINGS.overheadRequests });
      }
      if (parts.has('email')) {
        log(`email intake: ${SETTINGS.mailsOneAtATime} mails one at a time, then ${SETTINGS.mails} at ${SETTINGS.senders.join(', ')} senders at once`);
        results.email = await measureEmailIntake(runtime, { senders: SETTINGS.senders, mails: SETTINGS.mails, oneAtATime: SETTINGS.mailsOneAtATime });
      }
      if (parts.has('timers')) {
        log(`SLA timer lateness: ${SETTINGS.timerTickets} tickets, target ${SETTINGS.timerTarget}`);
        results.timers = await measureTimerLateness(runtime, { tickets: SETTINGS.timerTickets, target: SETTINGS.timerTarget, targetMs: (durationMinutes(SETTINGS.timerTarget) ?? Number.NaN) * 60_000 });
      }
    } finally {
      await runtime.stop();
    }
  }
  if (parts.has('bundles')) {
    log(`bundles: cdk synth, then ${SETTINGS.initRuns} imports of each bundle in fresh processes`);
    results.bundles = await measureBundles({ initRuns: SETTINGS.initRuns, node: SETTINGS.initNode });
  }
  // The handlers keep the DynamoDB clients they first made (one module cache per process), and the
  // web and console parts each start a runtime of their own: after another runtime, or with each
  // other, each runs in a process of its own.
  const ownRuntimes = (['web', 'console'] as const).filter((part) => parts.has(part));
  const inChildren = ownRuntimes.length > 1 || (ownRuntimes.length === 1 && runtimeStarted);
  if (inChildren) {
    for (const part of ownRuntimes) Object.assign(results, runInChildProcess(part));
    parts.delete('web');
    parts.delete('console');
  }
  if (parts.has('web')) {
    log(`web app: build, initial JavaScript, then Lighthouse on the portal home and a request form (${SETTINGS.lighthouseRuns} runs each)`);
    results.web = await measureWebApp({ lighthouseRuns: SETTINGS.lighthouseRuns }, log);
  }
  if (parts.has('console')) {
    log(`console: initial JavaScript, a queue of ${SETTINGS.consoleTickets} active tickets, a ticket of ${SETTINGS.consoleComments} comments (${SETTINGS.consoleRuns} runs each), Lighthouse`);
    results.console = await measureConsoleApp({ runs: SETTINGS.consoleRuns, lighthouseRuns: SETTINGS.lighthouseRuns, activeTickets: SETTINGS.consoleTickets, comments: SETTINGS.consoleComments }, log);
  }
  if (parts.has('cost')) {
    log('cost model');
    results.cost = costOf(results);
  }
  const partsTo = args.find((arg) => arg.startsWith('--parts-to='))?.slice('--parts-to='.length);
  if (partsTo) {
    writeFileSync(partsTo, JSON.stringify({ web: results.web, console: results.console }));
    return;
  }
  results.machine.loadAfter = loadavg().map((value) => Math.round(value * 100) / 100);
  results.durationSeconds = Math.round((performance.now() - started) / 1000);

  const history = readHistory();
  if (save) history.push(historyEntry(results));
  const markdown = renderMarkdown(results, history);
  process.stdout.write(`${markdown}\n`);
  if (save) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 1)}\n`);
    writeFileSync(join(RESULTS_DIR, 'latest.md'), `${markdown}\n`);
    appendFileSync(join(RESULTS_DIR, 'history.jsonl'), `${JSON.stringify(history.at(-1))}\n`);
    writeCharts(results);
    log(`saved to ${RESULTS_DIR}`);
  }
}

/** The cost model, from this run's measurements or, for parts not run now, the saved latest ones. */
function costOf(results: BenchResults): CostModelResult & { inputsFrom: string } {
  const saved = existsSync(join(RESULTS_DIR, 'latest.json')) ? (JSON.parse(readFileSync(join(RESULTS_DIR, 'latest.json'), 'utf8')) as BenchResults) : undefined;
  const lifecycle = results.dynamodb?.lifecycle ?? saved?.dynamodb?.lifecycle;
  const bundles = results.bundles ?? saved?.bundles;
  if (!lifecycle || !bundles) throw new Error('The cost model needs the dynamodb and bundles parts: run them now or once before (npm run bench)');
  const prices = JSON.parse(readFileSync(join(BENCH_DIR, 'prices.json'), 'utf8')) as Prices;
  const retain = (rawConfig as { email?: { retainRawMailDays?: number } }).email?.retainRawMailDays ?? 365;
  const model = monthlyCost({
    lifecycle,
    template: bundles.template,
    initMs: Object.fromEntries(bundles.functions.map((fn) => [fn.name, fn.initMs])),
    prices,
    assumptions: {
      ...DEFAULT_ASSUMPTIONS,
      ticketsPerMonth: SETTINGS.ticketsPerMonth,
      agents: SETTINGS.agents,
      requesters: SETTINGS.requesters,
      federatedUsers: SETTINGS.federatedUsers,
      inboundMailKb: SETTINGS.inboundMailKb,
      durationFactor: SETTINGS.durationFactor,
      rawMailRetentionDays: retain,
      cognitoPlan: (rawConfig as { signIn?: { featurePlan?: 'plus' | 'essentials' } }).signIn?.featurePlan ?? 'plus',
    },
  });
  const from = [results.dynamodb ? 'lifecycle measured now' : `lifecycle of ${saved?.takenAt}`, results.bundles ? 'bundles measured now' : `bundles of ${saved?.takenAt}`];
  return { ...model, inputsFrom: from.join(', ') };
}

function writeCharts(results: BenchResults): void {
  const write = (name: string, svg: string) => writeFileSync(join(RESULTS_DIR, name), `${svg}\n`);
  if (results.latency) {
    write(
      'api-latency.svg',
      barChart({
        title: `API latency through the local runtime (${results.latency.requestsPerOperation} requests each, ${results.latency.concurrency} in flight)`,
        unit: 'ms',
        rows: results.latency.operations.map((op) => ({
          label: op.operation,
          values: [
            { name: 'p50', value: op.p50 },
            { name: 'p95', value: op.p95 },
            { name: 'p99', value: op.p99 },
          ],
        })),
      }),
    );
    write('api-latency-histogram.svg', histograms({ title: 'API latency distributions', unit: 'ms', series: results.latency.operations.map((op) => ({ label: op.operation, samples: op.samples })) }));
  }
  if (results.email) {
    write(
      'email-to-ticket.svg',
      histograms({
        title: 'Email to ticket: SMTP accepted -> ticket committed',
        unit: 'ms',
        series: results.email.levels.map((level) => ({
          label: `${level.mode === 'one at a time' ? 'one mail at a time' : `${level.senders} sender${level.senders > 1 ? 's' : ''} at once`}, ${level.mailsPerSecond} mails/s`,
          samples: level.samples,
        })),
        target: { value: 500, label: 'p99 target 500 ms' },
      }),
    );
  }
  if (results.timers) {
    write(
      'timer-lateness.svg',
      histograms({ title: `SLA timer lateness (${results.timers.recorded} warnings and breaches)`, unit: 'ms', series: [{ label: 'recorded after the computed instant', samples: results.timers.samples }] }),
    );
  }
  if (results.bundles) {
    write(
      'bundle-sizes.svg',
      barChart({
        title: 'Function bundles (minified, as cdk synth builds them)',
        unit: 'KB',
        rows: [...results.bundles.functions].sort((a, b) => b.bytes - a.bytes).map((fn) => ({ label: fn.name, values: [{ name: 'bundle KB', value: fn.bytes / 1024 }] })),
        target: { value: 300, label: '300 KB target' },
      }),
    );
  }
  if (results.cost) {
    const byService = new Map<string, number>();
    for (const line of results.cost.lines) byService.set(line.service, (byService.get(line.service) ?? 0) + line.usd);
    write(
      'cost-breakdown.svg',
      barChart({
        title: `Monthly AWS cost by service, ${results.cost.assumptions.ticketsPerMonth.toLocaleString('en-US')} tickets: $${results.cost.total.toFixed(2)} (idle $${results.cost.idle.total.toFixed(2)})`,
        unit: 'USD',
        digits: 2,
        rows: [...byService].sort((a, b) => b[1] - a[1]).map(([service, value]) => ({ label: service, values: [{ name: 'USD a month', value }] })),
      }),
    );
  }
}

/** One part run by this script in a fresh process, its results back through a file. */
function runInChildProcess(part: 'web' | 'console'): Pick<BenchResults, 'web' | 'console'> {
  const file = join(tmpdir(), `bench-${part}-${process.pid}.json`);
  execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), `--only=${part}`, `--parts-to=${file}`], { stdio: 'inherit' });
  const partResults = JSON.parse(readFileSync(file, 'utf8')) as Pick<BenchResults, 'web' | 'console'>;
  rmSync(file, { force: true });
  return partResults;
}

function readHistory(): HistoryEntry[] {
  const file = join(RESULTS_DIR, 'history.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as HistoryEntry);
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return dirty ? `${commit}+changes` : commit;
  } catch {
    return 'unknown';
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
