/**
 * The monthly AWS bill for a volume of tickets, from the counts one measured ticket lifecycle
 * produced, times the price table in prices.json; and the bill of a deployed desk with no traffic.
 */
import type { LifecycleCost } from './parts/dynamodb-cost.ts';
import type { TemplateCounts } from './parts/bundles.ts';

export interface Prices {
  aws: Record<string, { usd?: number; value?: number | boolean; source: string }>;
  freeTiers: Record<string, { value: number; source: string } | string>;
  saasPeersPerAgentMonth: { product: string; usd: number; source: string }[];
}

export interface CostAssumptions {
  ticketsPerMonth: number;
  /** Staff who sign in during a month (Cognito MAU); requesters who only write mail need no account. */
  agents: number;
  /** Requesters who sign in to the web app during a month with the pool's own sign-in (password or mailed code): each is an MAU. */
  requesters: number;
  /** People who sign in through the organisation's identity provider (SAML or OIDC) during a month, billed at the federation rate. */
  federatedUsers: number;
  /** Average inbound mail size, for S3 storage and SES chunks: the bench's own mails are tiny. */
  inboundMailKb: number;
  /** How long raw mail is kept (the configuration's retainRawMailDays). */
  rawMailRetentionDays: number;
  /** Months the table and the logs have grown at this volume when the bill is read. */
  monthsOfHistory: number;
  /** Lambda (512 MB, a third of a vCPU, real DynamoDB round trips) over the handler time measured here. */
  durationFactor: number;
  /** How long Lambda keeps an idle environment before the next call is a cold start (not published; 10 min is typical). */
  idleEnvironmentMinutes: number;
  /** Lambda's own start before the module loads, billed with INIT. */
  runtimeStartMs: number;
  /** Bytes Lambda itself logs per invocation (START, END, REPORT lines). */
  platformLogBytesPerInvocation: number;
  /** Bytes of one API Gateway access log line in the stack's format. */
  accessLogBytesPerRequest: number;
  memoryGb: number;
  /** The user pool's feature plan, as the configuration's signIn.featurePlan chooses it. */
  cognitoPlan: CognitoFeaturePlan;
}

export const DEFAULT_ASSUMPTIONS: CostAssumptions = {
  ticketsPerMonth: 10_000,
  agents: 10,
  // A portal used by some of the requesters of 10,000 tickets a month; the rest only write mail.
  requesters: 200,
  federatedUsers: 0,
  inboundMailKb: 50,
  rawMailRetentionDays: 365,
  monthsOfHistory: 12,
  durationFactor: 2,
  idleEnvironmentMinutes: 10,
  runtimeStartMs: 100,
  platformLogBytesPerInvocation: 350,
  accessLogBytesPerRequest: 330,
  memoryGb: 0.5,
  cognitoPlan: 'plus',
};

export interface CostLine {
  service: string;
  item: string;
  quantity: number;
  unit: string;
  usd: number;
  /** With the always-free tiers applied. */
  usdWithFreeTiers: number;
  /** SES's per-mail fees, which the second target leaves out. */
  sesMailFee?: boolean;
}

export interface CostModelResult {
  assumptions: CostAssumptions;
  lines: CostLine[];
  total: number;
  totalWithFreeTiers: number;
  totalExcludingSesMailFees: number;
  /** The same without Cognito's sign-ins, which depend on how many people use the web app, not on tickets. */
  totalExcludingSesMailFeesAndSignIn: number;
  /** The same with the always-free tiers. */
  totalExcludingSesMailFeesWithFreeTiers: number;
  idle: { lines: CostLine[]; total: number; totalWithFreeTiers: number };
  peers: { product: string; perAgentUsd: number; monthlyUsd: number; source: string }[];
  /** The sign-in bill alone, on each plan, at the assumed users and at 1,000 requesters (directly, and through a federated provider). */
  signIn: { users: SignInUsers; plan: CognitoFeaturePlan; usd: number; usdWithFreeTiers: number }[];
  targets: { monthlyUsd: number; monthlyExcludingSesUsd: number; idleUsd: number; idleWithFreeTiersUsd: number };
}

const SECONDS_PER_MONTH = 30 * 24 * 3600;
const EVENT_FUNCTIONS = new Set(['ticket-changes', 'notifications', 'sla-timer', 'email-intake', '(bench)']);

export function monthlyCost(input: {
  lifecycle: LifecycleCost;
  template: TemplateCounts;
  /** Module init per function (ms), from the bundles part; a flat 150 ms where it was not measured. */
  initMs: Record<string, number>;
  prices: Prices;
  assumptions: CostAssumptions;
}): CostModelResult {
  const { lifecycle, template, prices, assumptions: a } = input;
  // Functions the stack tells where the signing key is read it once per cold start.
  const keyReaders = new Set(template.signingKeyReaders);
  const price = (name: string) => prices.aws[name]?.usd ?? Number.NaN;
  const free = (name: string) => {
    const tier = prices.freeTiers[name];
    return typeof tier === 'object' ? tier.value : 0;
  };
  const n = a.ticketsPerMonth;
  const lines: CostLine[] = [];
  const add = (service: string, item: string, quantity: number, unit: string, usd: number, usdWithFreeTiers = usd, sesMailFee = false) =>
    lines.push({ service, item, quantity: Math.round(quantity * 100) / 100, unit, usd, usdWithFreeTiers, ...(sesMailFee ? { sesMailFee } : {}) });

  // Lambda: invocations as on AWS (the stream consumer sees only what the stack's filter passes), handler time scaled.
  let invocations = 0;
  let gbSeconds = 0;
  let coldStarts = 0;
  let initGbSeconds = 0;
  let keyReads = 0;
  let logBytes = 0;
  let traces = lifecycle.apiRequests * n;
  for (const [name, fn] of Object.entries(lifecycle.functions)) {
    if (name === '(bench)') continue;
    const perTicket = name === 'ticket-changes' ? lifecycle.streamRecordsPassingFilter : fn.invocations;
    const monthly = perTicket * n;
    invocations += monthly;
    gbSeconds += ((fn.durationMs * a.durationFactor) / 1000) * a.memoryGb * n;
    // Calls spread evenly over the month: a call is cold when the previous one is older than the idle time.
    const cold = monthly * Math.exp(-(monthly / SECONDS_PER_MONTH) * a.idleEnvironmentMinutes * 60);
    coldStarts += cold;
    initGbSeconds += cold * (((input.initMs[name] ?? 150) * a.durationFactor + a.runtimeStartMs) / 1000) * a.memoryGb;
    if (keyReaders.has(name)) keyReads += cold;
    logBytes += fn.logBytes * n + monthly * a.platformLogBytesPerInvocation;
    if (EVENT_FUNCTIONS.has(name) && name !== 'notifications') traces += monthly;
  }
  const lambdaGbSecondsFree = Math.max(0, gbSeconds + initGbSeconds - free('lambdaGbSeconds'));
  add('Lambda', 'requests', invocations, 'invocations', (invocations / 1e6) * price('lambdaRequestsPerMillion'), (Math.max(0, invocations - free('lambdaRequests')) / 1e6) * price('lambdaRequestsPerMillion'));
  add('Lambda', `duration (arm64, ${a.memoryGb * 1024} MB)`, gbSeconds, 'GB-s', gbSeconds * price('lambdaArmGbSecond'), Math.min(gbSeconds, lambdaGbSecondsFree) * price('lambdaArmGbSecond'));
  add('Lambda', `INIT of ${Math.round(coldStarts)} cold starts`, initGbSeconds, 'GB-s', initGbSeconds * price('lambdaArmGbSecond'), Math.max(0, lambdaGbSecondsFree - gbSeconds) * price('lambdaArmGbSecond'));

  const apiRequests = lifecycle.apiRequests * n;
  add('API Gateway', 'HTTP API requests', apiRequests, 'requests', (apiRequests / 1e6) * price('apiGatewayHttpPerMillion'));
  logBytes += apiRequests * a.accessLogBytesPerRequest;

  const wru = lifecycle.total.writeUnits * n;
  const rru = lifecycle.total.readUnits * n;
  add('DynamoDB', 'write request units', wru, 'WRU', (wru / 1e6) * price('dynamodbWriteRequestUnitsPerMillion'));
  add('DynamoDB', 'read request units', rru, 'RRU', (rru / 1e6) * price('dynamodbReadRequestUnitsPerMillion'));
  const tableGb = (lifecycle.storedBytes * n * a.monthsOfHistory) / 1e9;
  add('DynamoDB', `storage after ${a.monthsOfHistory} months`, tableGb, 'GB', tableGb * price('dynamodbStorageGbMonth'), Math.max(0, tableGb - free('dynamodbStorageGb')) * price('dynamodbStorageGbMonth'));
  add('DynamoDB', 'point-in-time recovery', tableGb, 'GB', tableGb * price('dynamodbPitrGbMonth'));

  // Each message: one send (S3 notification or the stream's batch), one receive, one delete. SLA
  // timer firings pass no queue: Scheduler invokes their function (billed under Scheduler and Lambda).
  const messages = (lifecycle.inboundMails + (lifecycle.functions.notifications?.invocations ?? 0)) * n;
  const pollers = template.sqsQueuesPolledByLambda;
  const emptyReceives = pollers * (prices.aws.sqsEmptyReceivesPerPolledQueuePerMinute?.value as number) * 60 * 24 * 30;
  const sqsRequests = messages * 3;
  const sqsFreeLeft = Math.max(0, free('sqsRequests') - emptyReceives);
  add('SQS', 'send, receive, delete of messages', sqsRequests, 'requests', (sqsRequests / 1e6) * price('sqsRequestsPerMillion'), (Math.max(0, sqsRequests - sqsFreeLeft) / 1e6) * price('sqsRequestsPerMillion'));

  const outbound = lifecycle.sentRecipients * n;
  add('SES', 'mail sent (per recipient)', outbound, 'mails', (outbound / 1000) * price('sesOutboundPerThousand'), undefined, true);
  const inbound = lifecycle.inboundMails * n;
  add('SES', 'mail received', inbound, 'mails', (inbound / 1000) * price('sesInboundPerThousand'), undefined, true);
  const chunks = inbound * Math.max(1, Math.ceil(a.inboundMailKb / 256));
  add('SES', 'incoming 256 KB chunks', chunks, 'chunks', (chunks / 1000) * price('sesInboundChunksPerThousand'), undefined, true);

  add(
    'EventBridge Scheduler',
    `schedules fired (${lifecycle.timersScheduled} created and ${lifecycle.timersCancelled} deleted a ticket: not billed)`,
    lifecycle.timersFired * n,
    'invocations',
    ((lifecycle.timersFired * n) / 1e6) * price('schedulerInvocationsPerMillion'),
    0,
  );

  add('S3', 'PUT (SES stores each mail)', inbound, 'requests', (inbound / 1000) * price('s3PutPerThousand'));
  const gets = (lifecycle.functions['email-intake']?.invocations ?? 0) * n;
  add('S3', 'GET (the intake reads each mail)', gets, 'requests', (gets / 1000) * price('s3GetPerThousand'));
  const mailGb = (inbound * a.inboundMailKb * 1024 * Math.min(a.monthsOfHistory, a.rawMailRetentionDays / 30)) / 1e9;
  add('S3', `raw mail stored (${a.inboundMailKb} KB a mail, kept ${a.rawMailRetentionDays} days)`, mailGb, 'GB', mailGb * price('s3StandardGbMonth'));

  const ingestGb = logBytes / 1e9;
  const storedLogGb = ingestGb * a.monthsOfHistory;
  const logsFree = free('cloudwatchLogsGb');
  add('CloudWatch Logs', 'ingestion (handlers, Lambda, API access log)', ingestGb, 'GB', ingestGb * price('cloudwatchLogsIngestGb'), Math.max(0, ingestGb - logsFree) * price('cloudwatchLogsIngestGb'));
  add(
    'CloudWatch Logs',
    `storage after ${a.monthsOfHistory} months (production keeps a year)`,
    storedLogGb,
    'GB',
    storedLogGb * price('cloudwatchLogsStorageGbMonth'),
    Math.max(0, storedLogGb - Math.max(0, logsFree - ingestGb)) * price('cloudwatchLogsStorageGbMonth'),
  );
  // Tracing is off unless the stack is deployed with -c tracing=active.
  if (!template.tracedFunctions) traces = 0;
  add(
    'X-Ray',
    template.tracedFunctions ? 'traces recorded (active tracing; a mail sent continues its trace)' : 'traces recorded (tracing off; -c tracing=active turns it on)',
    traces,
    'traces',
    (traces / 1e6) * price('xrayTracesRecordedPerMillion'),
    (Math.max(0, traces - free('xrayTraces')) / 1e6) * price('xrayTracesRecordedPerMillion'),
  );
  for (const line of signInCost(prices, { staff: a.agents, requesters: a.requesters, federated: a.federatedUsers }, a.cognitoPlan)) lines.push(line);
  add('Parameter Store', 'GetParameter of the signing key at cold starts (standard parameter and throughput)', keyReads, 'calls', keyReads * price('parameterStoreStandard'));
  add(
    'KMS',
    "decrypts of the signing key (Parameter Store's AWS managed key)",
    keyReads,
    'requests',
    (keyReads / 10_000) * price('kmsPer10kRequests'),
    (Math.max(0, keyReads - free('kmsRequests')) / 10_000) * price('kmsPer10kRequests'),
  );

  const idle = idleCost(template, prices, emptyReceives);
  for (const line of idle.lines) lines.push({ ...line, service: line.service, item: `${line.item} (standing)` });
  const sum = (selected: CostLine[], key: 'usd' | 'usdWithFreeTiers') => round2(selected.reduce((total, line) => total + line[key], 0));
  return {
    assumptions: a,
    lines: lines.map((line) => ({ ...line, usd: round4(line.usd), usdWithFreeTiers: round4(line.usdWithFreeTiers) })),
    total: sum(lines, 'usd'),
    totalWithFreeTiers: sum(lines, 'usdWithFreeTiers'),
    totalExcludingSesMailFees: sum(
      lines.filter((line) => !line.sesMailFee),
      'usd',
    ),
    totalExcludingSesMailFeesAndSignIn: sum(
      lines.filter((line) => !line.sesMailFee && line.service !== 'Cognito'),
      'usd',
    ),
    totalExcludingSesMailFeesWithFreeTiers: sum(
      lines.filter((line) => !line.sesMailFee),
      'usdWithFreeTiers',
    ),
    idle: {
      lines: idle.lines.map((line) => ({ ...line, usd: round4(line.usd), usdWithFreeTiers: round4(line.usdWithFreeTiers) })),
      total: sum(idle.lines, 'usd'),
      totalWithFreeTiers: sum(idle.lines, 'usdWithFreeTiers'),
    },
    signIn: [
      { staff: a.agents, requesters: a.requesters, federated: a.federatedUsers },
      { staff: a.agents, requesters: 1000, federated: 0 },
      { staff: a.agents, requesters: 0, federated: 1000 },
    ].flatMap((users) =>
      (['plus', 'essentials'] as const).map((plan) => {
        const planLines = signInCost(prices, users, plan);
        return { users, plan, usd: sum(planLines, 'usd'), usdWithFreeTiers: sum(planLines, 'usdWithFreeTiers') };
      }),
    ),
    peers: prices.saasPeersPerAgentMonth.map((peer) => ({ product: peer.product, perAgentUsd: peer.usd, monthlyUsd: peer.usd * a.agents, source: peer.source })),
    targets: { monthlyUsd: 6, monthlyExcludingSesUsd: 1.5, idleUsd: 1.5, idleWithFreeTiersUsd: 0.5 },
  };
}

export interface SignInUsers {
  staff: number;
  requesters: number;
  federated: number;
}

/** The user pool's feature plan (the configuration's signIn.featurePlan). */
export type CognitoFeaturePlan = 'plus' | 'essentials';

/**
 * Cognito bills every person who signs in, signs up or refreshes a token in a month as a monthly
 * active user (MAU) at the user pool's feature plan; those who come through a SAML or OIDC
 * provider are billed at the federation rate instead. Plus has no free MAUs; Essentials has an
 * always-free allowance.
 */
export function signInCost(prices: Prices, users: SignInUsers, plan: CognitoFeaturePlan = 'plus'): CostLine[] {
  const price = (name: string) => prices.aws[name]?.usd ?? Number.NaN;
  const free = (name: string) => {
    const tier = prices.freeTiers[name];
    return typeof tier === 'object' ? tier.value : 0;
  };
  const line = (item: string, quantity: number, usd: number, withFree = usd): CostLine => ({ service: 'Cognito', item, quantity, unit: 'MAU', usd, usdWithFreeTiers: withFree });
  const direct = users.staff + users.requesters;
  const perMau = price(plan === 'plus' ? 'cognitoPlusPerMau' : 'cognitoEssentialsPerMau');
  const freeMau = plan === 'plus' ? 0 : free('cognitoEssentialsMau');
  return [
    line(`${users.staff} staff and ${users.requesters} requesters signing in (${plan === 'plus' ? 'Plus' : 'Essentials'} plan, per MAU)`, direct, direct * perMau, Math.max(0, direct - freeMau) * perMau),
    ...(users.federated > 0 ? [line(`${users.federated} people signing in through a SAML or OIDC provider (per federated MAU)`, users.federated, users.federated * price('cognitoFederatedPerMau'))] : []),
  ];
}

/**
 * A deployed desk with no traffic: Lambda's pollers receive on every queue with an event source
 * around the clock, the alarms, any secrets and any KMS keys. Nothing else bills while idle: the
 * table is on demand, the stream's reads by Lambda are free, and no schedule exists.
 */
function idleCost(template: TemplateCounts, prices: Prices, emptyReceives: number): { lines: CostLine[] } {
  const usd = (name: string) => prices.aws[name]?.usd ?? Number.NaN;
  const freeOf = (name: string) => {
    const tier = prices.freeTiers[name];
    return typeof tier === 'object' ? tier.value : 0;
  };
  const line = (service: string, item: string, quantity: number, unit: string, cost: number, withFree = cost): CostLine => ({ service, item, quantity, unit, usd: cost, usdWithFreeTiers: withFree });
  return {
    lines: [
      line(
        'SQS',
        `empty receives of Lambda's pollers on ${template.sqsQueuesPolledByLambda} queues`,
        emptyReceives,
        'requests',
        (emptyReceives / 1e6) * usd('sqsRequestsPerMillion'),
        (Math.max(0, emptyReceives - freeOf('sqsRequests')) / 1e6) * usd('sqsRequestsPerMillion'),
      ),
      line(
        'CloudWatch',
        `${template.alarms} alarm metrics`,
        template.alarms,
        'alarms',
        template.alarms * usd('cloudwatchAlarmMonth'),
        Math.max(0, template.alarms - freeOf('cloudwatchAlarms')) * usd('cloudwatchAlarmMonth'),
      ),
      line('Secrets Manager', `${template.secrets} secrets`, template.secrets, 'secrets', template.secrets * usd('secretsManagerSecretMonth')),
      line('Parameter Store', '1 standard SecureString parameter (the key of approval links and reply addresses)', 1, 'parameter', usd('parameterStoreStandard')),
      line('KMS', `${template.kmsKeys} customer managed keys`, template.kmsKeys, 'keys', template.kmsKeys * usd('kmsKeyMonth')),
      line('Cognito', 'machine client (billed only in months it issues tokens)', 0, 'app clients', 0),
    ],
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
