import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTransport } from 'nodemailer';
import { createLocalDynamoDbClient, startDynamoDbLocal } from '../../local/dynamodb-local.ts';
import { startHttpServer, type HandlerLoader, type HttpHandler, type RunningHttpServer } from '../../local/http-server.ts';
import { createInMemoryIssuer } from '../../local/issuer.ts';
import { findFreePort } from '../../local/port-check.ts';
import { startSideEffects, type HandlerInstrument, type RunningSideEffects } from '../../local/side-effects.ts';
import { ensureTable } from '../../local/table.ts';
import { personClaims, resolveTokenPerson } from '../../local/token-claims.ts';
import { serviceDeskConfig } from '../../shared/config/service-desk-config.ts';
import { ENV } from '../../shared/environment.ts';
import { DynamoDbCallRecorder } from './dynamodb-call-recorder.ts';
import { DynamoDbMeter, type FunctionUse } from './dynamodb-meter.ts';
import { currentFunction, runAsFunction, type DynamoDbCall, type Invocation } from './function-scope.ts';

/** What one function did: invocations, time in its handler, bytes it logged. */
export interface FunctionActivity {
  invocations: number;
  durationMs: number;
  logBytes: number;
}

/** Everything counted so far; two snapshots subtract to what happened in between. */
export interface UsageSnapshot {
  dynamodb: Map<string, FunctionUse>;
  functions: Map<string, FunctionActivity>;
  timersScheduled: number;
  timersCancelled: number;
  /** Records the stack's stream filter would pass to the consumer: tickets, and comments inserted. */
  streamRecordsPassingFilter: number;
}

/** An API answer's parsed body, read field by field as each part needs it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parts read the API's JSON by field, as JSON.parse gives it
export type ApiAnswer = any;

export interface BenchRuntime {
  server: RunningHttpServer;
  sideEffects: RunningSideEffects;
  /** Where DynamoDB Local listens, and the desk's table in it. */
  dynamodb: { endpoint: string; tableName: string };
  outboxDir: string;
  /** A token for a person, by role or email, as `npm run token` makes them. */
  token(person: { role?: string; email?: string }): Promise<string>;
  /** Calls the API; the body is sent as JSON. */
  call(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: ApiAnswer; ms: number }>;
  usage(): UsageSnapshot;
  /** Waits until the stream is read to its end and no handler is running. */
  settle(): Promise<void>;
  /** Waits until no handler has run for a while (longer than the stream's poll): quicker than settle, not as sure. */
  quiesce(): Promise<void>;
  /** Called after each handler invocation, with its function, event and how long it ran. */
  onInvocation(listener: InvocationListener): () => void;
  /**
   * Exercises every path once over (API reads and writes, mail in and out, the stream) so that
   * DynamoDB Local's JVM has compiled its hot paths before anything is timed, whichever parts run.
   */
  warmUp(): Promise<void>;
  /** Mails the local SES has sent so far: count, recipients (SES bills each) and bytes. */
  sentMail(): { mails: number; recipients: number; bytes: number };
  stop(): Promise<void>;
}

export type InvocationListener = (functionName: string, event: unknown, result: unknown, ms: number, dynamodbCalls: readonly DynamoDbCall[]) => void;

/**
 * The whole local runtime (API, stream, SLA timers, SMTP intake, notifications through the local
 * SES) on free ports with a fresh in-memory DynamoDB Local, driving the real handlers, with every
 * handler wrapped so its invocations, time, table use and log bytes are counted by function.
 */
export async function startBenchRuntime(tableName: string): Promise<BenchRuntime> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // The level production runs at, so the log volume counted is what a deployed desk writes.
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
  const logs = captureHandlerLogs();
  const meter = new DynamoDbMeter();
  meter.start();
  const recorder = new DynamoDbCallRecorder();
  recorder.start();
  const activity = new Map<string, FunctionActivity>();
  const listeners = new Set<InvocationListener>();
  let inFlight = 0;
  let lastActive = performance.now();
  let streamRecordsPassingFilter = 0;

  const instrument: HandlerInstrument = (functionName, handler) => async (event) => {
    inFlight += 1;
    if (functionName === 'ticket-changes') streamRecordsPassingFilter += passingStreamFilter(event);
    const started = performance.now();
    const invocation: Invocation = { functionName, dynamodbCalls: [] };
    let result: Awaited<ReturnType<typeof handler>> | undefined;
    try {
      result = await runAsFunction(invocation, () => handler(event));
      return result;
    } finally {
      const ms = performance.now() - started;
      lastActive = performance.now();
      const entry = activityOf(activity, functionName);
      entry.invocations += 1;
      entry.durationMs += ms;
      inFlight -= 1;
      for (const listener of listeners) listener(functionName, event, result, ms, invocation.dynamodbCalls);
    }
  };
  const loadHandler: HandlerLoader = async (name) => {
    const module = (await import(new URL(`../../functions/http/${name}.ts`, import.meta.url).href)) as { handler: HttpHandler };
    const wrapped = instrument(name, (input: [Parameters<HttpHandler>[0], Parameters<HttpHandler>[1]]) => module.handler(...input));
    return { handler: (event, context) => wrapped([event, context]) };
  };

  const dynamodb = await startDynamoDbLocal({ port: await findFreePort() });
  const client = createLocalDynamoDbClient(dynamodb.endpoint);
  await ensureTable(client, tableName);
  client.destroy();
  process.env[ENV.tableName] = tableName;
  process.env[ENV.dynamodbEndpoint] = dynamodb.endpoint;
  process.env[ENV.approvalLinkSecret] = 'bench';
  const issuer = await createInMemoryIssuer();
  const server = await startHttpServer({ port: 0, issuer, quiet: true, loadHandler });
  const outboxDir = mkdtempSync(join(tmpdir(), 'bench-outbox-'));
  const sideEffects = await startSideEffects({
    endpoint: dynamodb.endpoint,
    tableName,
    smtpPort: 0,
    mailDir: mkdtempSync(join(tmpdir(), 'bench-mail-')),
    sesPort: 0,
    outboxDir,
    instrument,
    // Dead letters and stream failures are worth seeing next to the figures they distort.
    log: (line) => process.stderr.write(`[local runtime] ${line}\n`),
  });
  const timerCounts = countTimerCalls(sideEffects);
  const settle = async () => {
    for (let quiet = 0; quiet < 2;) {
      await sideEffects.stream.drain();
      await sleep(50);
      quiet = inFlight === 0 ? quiet + 1 : 0;
    }
  };

  // The stream is read every 100 ms: a quiet spell longer than that has seen its records through.
  const QUIET_MS = 250;
  const quiesce = async () => {
    while (inFlight > 0 || performance.now() - lastActive < QUIET_MS) await sleep(10);
  };

  return {
    server,
    sideEffects,
    dynamodb: { endpoint: dynamodb.endpoint, tableName },
    outboxDir,
    token: (person) => issuer.sign(personClaims(resolveTokenPerson(serviceDeskConfig(), person)), { expiresIn: '1h' }),
    async call(method, path, token, body) {
      const started = performance.now();
      const response = await fetch(new URL(path, server.url), {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : undefined, ms: performance.now() - started };
    },
    usage: () => {
      const functions = new Map([...activity].map(([name, entry]) => [name, { ...entry, logBytes: logs.bytesOf(name) }]));
      for (const [name, bytes] of logs.all()) if (!functions.has(name)) functions.set(name, { invocations: 0, durationMs: 0, logBytes: bytes });
      return { dynamodb: meter.snapshot(), functions, timersScheduled: timerCounts.scheduled, timersCancelled: timerCounts.cancelled, streamRecordsPassingFilter };
    },
    settle,
    quiesce,
    async warmUp() {
      const requester = await issuer.sign(personClaims(resolveTokenPerson(serviceDeskConfig(), { email: 'warm.up@example.org' })), { expiresIn: '1h' });
      const agent = await issuer.sign(personClaims(resolveTokenPerson(serviceDeskConfig(), { role: 'agent' })), { expiresIn: '1h' });
      const call = (method: string, path: string, token: string, body?: unknown) =>
        fetch(new URL(path, server.url), { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) }).then(
          (response) => response.json() as Promise<ApiAnswer>,
        );
      const smtp = createTransport({ host: '127.0.0.1', port: sideEffects.smtp.port, secure: false, ignoreTLS: true });
      for (let round = 0; round < 40; round++) {
        const { ticket } = await call('POST', '/tickets', requester, { subject: `Warm-up ${round}`, impact: 'low', urgency: 'low' });
        await Promise.all([call('GET', `/tickets/${ticket.key}`, agent), call('GET', '/tickets?desk=it', agent), call('GET', `/tickets/${ticket.key}/history`, agent)]);
        await call('POST', `/tickets/${ticket.key}/comments`, agent, { body: 'Warming up' });
        if (round % 4 === 0) await smtp.sendMail({ from: `warm.up.${round}@example.org`, to: 'support@desk.example.com', subject: `Warm-up ${round}`, text: 'Warming up.' });
      }
      smtp.close();
      await settle();
    },
    onInvocation(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    sentMail: () => sentMailIn(outboxDir),
    async stop() {
      await sideEffects.stop();
      await server.close();
      await dynamodb.stop();
      meter.stop();
      recorder.stop();
      logs.restore();
    },
  };
}

function activityOf(activity: Map<string, FunctionActivity>, name: string): FunctionActivity {
  let entry = activity.get(name);
  if (!entry) activity.set(name, (entry = { invocations: 0, durationMs: 0, logBytes: 0 }));
  return entry;
}

/** The difference of two usage snapshots. */
export function usageBetween(before: UsageSnapshot, after: UsageSnapshot): { functions: Map<string, FunctionActivity>; timersScheduled: number; timersCancelled: number; streamRecordsPassingFilter: number } {
  const functions = new Map<string, FunctionActivity>();
  for (const [name, entry] of after.functions) {
    const earlier = before.functions.get(name) ?? { invocations: 0, durationMs: 0, logBytes: 0 };
    const delta = { invocations: entry.invocations - earlier.invocations, durationMs: entry.durationMs - earlier.durationMs, logBytes: entry.logBytes - earlier.logBytes };
    if (delta.invocations || delta.logBytes) functions.set(name, delta);
  }
  return {
    functions,
    timersScheduled: after.timersScheduled - before.timersScheduled,
    timersCancelled: after.timersCancelled - before.timersCancelled,
    streamRecordsPassingFilter: after.streamRecordsPassingFilter - before.streamRecordsPassingFilter,
  };
}

/** As the stack's DynamoDB event source filters: ticket items, and comment items when inserted. */
function passingStreamFilter(event: unknown): number {
  const records = (event as { Records?: { eventName?: string; dynamodb?: { NewImage?: { entity?: { S?: string } } } }[] }).Records ?? [];
  return records.filter((record) => {
    const entity = record.dynamodb?.NewImage?.entity?.S;
    return entity === 'ticket' || (entity === 'comment' && record.eventName === 'INSERT');
  }).length;
}

/**
 * Counts the bytes of the handlers' JSON log lines by function and keeps them off the terminal;
 * on AWS each line is a CloudWatch Logs event of the function's log group.
 */
function captureHandlerLogs(): { bytesOf(name: string): number; all(): Map<string, number>; restore(): void } {
  const bytes = new Map<string, number>();
  const originals = { stdout: process.stdout.write.bind(process.stdout), stderr: process.stderr.write.bind(process.stderr) };
  const intercept = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const functionName = currentFunction();
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      if (functionName && text.startsWith('{')) {
        bytes.set(functionName, (bytes.get(functionName) ?? 0) + Buffer.byteLength(text));
        // Warnings and errors still reach the terminal; routine INFO lines are only counted.
        if (!/"level":"(WARN|ERROR|CRITICAL)"/.test(text)) return true;
      }
      return (originals[stream] as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  process.stdout.write = intercept('stdout');
  process.stderr.write = intercept('stderr');
  return {
    bytesOf: (name) => bytes.get(name) ?? 0,
    all: () => new Map(bytes),
    restore() {
      process.stdout.write = originals.stdout;
      process.stderr.write = originals.stderr;
    },
  };
}

/** Counts the one-time schedules the stream handler creates and deletes (EventBridge Scheduler on AWS). */
function countTimerCalls(sideEffects: RunningSideEffects): { scheduled: number; cancelled: number } {
  const counts = { scheduled: 0, cancelled: 0 };
  const timers = sideEffects.timers;
  const schedule = timers.schedule.bind(timers);
  const cancel = timers.cancel.bind(timers);
  timers.schedule = async (timer) => {
    counts.scheduled += 1;
    return schedule(timer);
  };
  timers.cancel = async (name) => {
    counts.cancelled += 1;
    return cancel(name);
  };
  return counts;
}

function sentMailIn(outboxDir: string): { mails: number; recipients: number; bytes: number } {
  let files: string[] = [];
  try {
    files = readdirSync(outboxDir).filter((file) => file.endsWith('.eml'));
  } catch {
    return { mails: 0, recipients: 0, bytes: 0 };
  }
  let recipients = 0;
  let bytes = 0;
  for (const file of files) {
    const raw = readFileSync(join(outboxDir, file));
    bytes += raw.length;
    const headers = raw
      .toString('utf8')
      .split(/\r?\n\r?\n/, 1)[0]!
      .replace(/\r?\n[ \t]+/g, ' ');
    for (const line of headers.split(/\r?\n/)) {
      if (/^(to|cc|bcc):/i.test(line)) recipients += (line.match(/@/g) ?? []).length;
    }
  }
  return { mails: files.length, recipients, bytes };
}
