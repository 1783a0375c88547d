/** The bench suite's settings (every size it takes, from the environment) and the results it writes. */
import { DEFAULT_ASSUMPTIONS, type CostModelResult } from './cost-model.ts';
import type { ApiLatencyResult } from './parts/api-latency.ts';
import type { BundlesResult } from './parts/bundles.ts';
import type { ConsoleAppResult } from './parts/console-app.ts';
import type { DynamoDbCostResult } from './parts/dynamodb-cost.ts';
import type { EmailIntakeResult } from './parts/email-intake.ts';
import type { RequestOverheadResult } from './parts/request-overhead.ts';
import type { TimerLatenessResult } from './parts/timer-lateness.ts';
import type { WebAppResult } from './parts/web-app.ts';

const number = (name: string, fallback: number, { zeroAllowed = false } = {}) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zeroAllowed)) {
    throw new Error(`${name}=${raw ?? fallback} is not a ${zeroAllowed ? 'non-negative' : 'positive'} number`);
  }
  return value;
};

/** Every size the suite takes, with the environment variable that changes it. */
export const SETTINGS = {
  concurrency: number('BENCH_CONCURRENCY', 8),
  requests: number('BENCH_REQUESTS', 200),
  /** Requests per operation at one client, each with its floor replayed. */
  overheadRequests: number('BENCH_OVERHEAD_REQUESTS', 100),
  mails: number('BENCH_MAILS', 64),
  mailsOneAtATime: number('BENCH_MAILS_ONE_AT_A_TIME', 30),
  senders: (process.env.BENCH_SENDERS ?? '1,8,32').split(',').map(Number),
  timerTickets: number('BENCH_TIMER_TICKETS', 100),
  timerTarget: process.env.BENCH_TIMER_TARGET ?? 'PT8S',
  initRuns: number('BENCH_INIT_RUNS', 5),
  /** Lighthouse runs per page; the median by performance score is reported. */
  lighthouseRuns: number('BENCH_LIGHTHOUSE_RUNS', 3),
  /** The console's timed navigations per screen. */
  consoleRuns: number('BENCH_CONSOLE_RUNS', 7),
  /** Active tickets in the desk whose queue the console opens. */
  consoleTickets: number('BENCH_CONSOLE_TICKETS', 1000),
  /** Comments of the ticket the console opens. */
  consoleComments: number('BENCH_CONSOLE_COMMENTS', 200),
  /** The Node.js that imports the bundles: this one, or another (Lambda runs Node 22). */
  initNode: process.env.BENCH_NODE ?? process.execPath,
  ticketsPerMonth: number('BENCH_TICKETS_PER_MONTH', DEFAULT_ASSUMPTIONS.ticketsPerMonth),
  agents: number('BENCH_AGENTS', DEFAULT_ASSUMPTIONS.agents),
  requesters: number('BENCH_REQUESTERS', DEFAULT_ASSUMPTIONS.requesters),
  // A desk may have no identity provider of its own.
  federatedUsers: number('BENCH_FEDERATED_USERS', DEFAULT_ASSUMPTIONS.federatedUsers, { zeroAllowed: true }),
  inboundMailKb: number('BENCH_MAIL_KB', DEFAULT_ASSUMPTIONS.inboundMailKb),
  durationFactor: number('BENCH_DURATION_FACTOR', DEFAULT_ASSUMPTIONS.durationFactor),
};

export interface BenchResults {
  takenAt: string;
  commit: string;
  command: string;
  durationSeconds: number;
  machine: { cpus: number; cpuModel: string; memoryGb: number; freeMemoryGb: number; node: string; platform: string; loadBefore: number[]; loadAfter: number[] };
  settings: typeof SETTINGS;
  dynamodb?: DynamoDbCostResult;
  latency?: ApiLatencyResult;
  overhead?: RequestOverheadResult;
  email?: EmailIntakeResult;
  timers?: TimerLatenessResult;
  bundles?: BundlesResult;
  web?: WebAppResult;
  console?: ConsoleAppResult;
  cost?: CostModelResult & { inputsFrom: string };
}
