/**
 * `npm run soak`: a mixed workload through the local runtime under injected faults (FAULTS, by
 * default dynamodb:0.05,ses:0.1,scheduler:0.05,crash:0.02), then the invariants: every accepted
 * mail is exactly one ticket or comment, or a quarantine entry, or a dead letter; every API create
 * is one ticket; every accepted comment is there once and with one history event; every ticket's
 * pending SLA timers are the ones its SLA state asks for once reconciled. Dead letters are
 * redriven before the check, as an operator would after an outage. Bounded by SOAK_MAILS, SOAK_TICKETS,
 * SOAK_COMMENTS and SOAK_SECONDS; exits 1 when an invariant does not hold.
 */
import { createTransport } from 'nodemailer';
import { faultRatesFromEnv, faultStats } from '../../shared/adapters/fault-injection.ts';
import { desiredTimers } from '../../shared/domain/sla.ts';
import { timerName } from '../../shared/domain/sla-timer.ts';
import type { Comment, Ticket } from '../../shared/domain/ticket.ts';
import type { HistoryEvent } from '../../shared/domain/history.ts';
import { reconcileTicketTimers } from '../../shared/use-cases/reconcile-sla-timers.ts';
import { startBenchRuntime, type ApiAnswer } from '../../bench/lib/bench-runtime.ts';

process.env.FAULTS ??= 'dynamodb:0.05,ses:0.1,scheduler:0.05,crash:0.02';
const MAILS = Number(process.env.SOAK_MAILS ?? 40);
const TICKETS = Number(process.env.SOAK_TICKETS ?? 40);
const COMMENTS = Number(process.env.SOAK_COMMENTS ?? 80);
const TIME_LIMIT_MS = Number(process.env.SOAK_SECONDS ?? 300) * 1000;
/** Requests and mails in flight at once, in each phase. */
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 16);
const DESK = 'support@desk.example.com';

const startedAt = Date.now();
const run = startedAt.toString(36);
const runtime = await startBenchRuntime(`soak-${run}`);
const { server, sideEffects } = runtime;
const [admin, agent] = await Promise.all([runtime.token({ role: 'admin' }), runtime.token({ email: 'alice.agent@example.com' })]);
const smtp = createTransport({ host: '127.0.0.1', port: sideEffects.smtp.port, secure: false, ignoreTLS: true, pool: true, maxConnections: 8 });

const counts = { apiCalls: 0, apiRetries: 0, apiGaveUp: 0, mailsSent: 0 };
const problems: string[] = [];
const timeLeft = () => TIME_LIMIT_MS - (Date.now() - startedAt);

/** An API call as a careful client makes it: 5xx and "retry" conflicts are retried with backoff. */
async function api(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: ApiAnswer }> {
  for (let attempt = 1; ; attempt++) {
    counts.apiCalls += 1;
    const response = await fetch(new URL(path, server.url), {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : undefined;
    const retryable = response.status >= 500 || (response.status === 409 && /retry/i.test(json?.error?.message ?? ''));
    if (!retryable) return { status: response.status, json };
    if (attempt >= 8 || timeLeft() < 0) {
      counts.apiGaveUp += 1;
      return { status: response.status, json };
    }
    counts.apiRetries += 1;
    await sleep(50 * 2 ** Math.min(attempt, 5) * Math.random());
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs tasks with at most `limit` at a time. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]!();
      }
    }),
  );
  return results;
}

async function sendMail(mail: Parameters<typeof smtp.sendMail>[0]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await smtp.sendMail(mail);
      counts.mailsSent += 1;
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await sleep(100);
    }
  }
}

async function ticketsOf(email: string): Promise<Ticket[]> {
  return (await api('GET', `/tickets?requester=${encodeURIComponent(email)}&status=all&limit=100`, admin)).json?.items ?? [];
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T | undefined> {
  while (timeLeft() > 0) {
    const found = await probe();
    if (found !== undefined) return found;
    await sleep(200);
  }
  problems.push(`timed out waiting for ${what}`);
  return undefined;
}

const queues = () => [sideEffects.smtp.queue, sideEffects.notifications, sideEffects.intake.queue, sideEffects.timers.firings];
async function settle(): Promise<void> {
  for (let quiet = 0; quiet < 3 && timeLeft() > 0;) {
    await sideEffects.stream.drain();
    quiet = queues().every((queue) => queue.idle()) ? quiet + 1 : 0;
    await sleep(300);
  }
}

// Phase 1: tickets by API (half with a 2-minute SLA, so timers are set, fire and are cleared) and new mails.
const apiRequesters = Array.from({ length: TICKETS }, (_, index) => `soak.api.${run}.${index}@example.org`);
const mailRequesters = Array.from({ length: MAILS }, (_, index) => `soak.mail.${run}.${index}@example.org`);
const newMailIds = mailRequesters.map((_, index) => `<soak-${run}-new-${index}@mail.example.org>`);
const MALFORMED = 3;
const DUPLICATED = Math.min(5, MAILS);

const created = await pool(
  [
    ...apiRequesters.map((email, index) => async () => {
      const body = { subject: `Soak ticket ${index}`, description: 'Load and faults.', requester: { email }, ...(index % 2 ? { catalogItem: 'it-sla-demo' } : {}) };
      const response = await api('POST', '/tickets', agent, body, { 'idempotency-key': `soak-${run}-${index}` });
      if (response.status !== 201 && response.status !== 200) problems.push(`create ${index}: ${response.status} ${JSON.stringify(response.json)}`);
      return response.json?.ticket?.key as string | undefined;
    }),
    ...mailRequesters.map((from, index) => async () => {
      const mail = { from, to: DESK, subject: `Soak mail ${index}`, text: `Mail ${index} under faults.`, messageId: newMailIds[index] };
      await sendMail(mail);
      // The same message delivered twice: one ticket.
      if (index < DUPLICATED) await sendMail(mail);
      return undefined;
    }),
    ...Array.from({ length: MALFORMED }, (_, index) => async () => {
      await smtp.sendMail({ envelope: { from: 'x@example.org', to: [DESK] }, raw: `Subject: soak malformed ${run} ${index}\r\n\r\nno sender\r\n` });
      counts.mailsSent += 1;
      return undefined;
    }),
  ],
  CONCURRENCY,
);
const phaseOneMs = Date.now() - startedAt;
const apiKeys = created.filter((key): key is string => typeof key === 'string');

const mailTickets = await pool(
  mailRequesters.map((email) => () => waitFor(`the ticket of ${email}`, async () => (await ticketsOf(email))[0])),
  8,
);

// Phase 2: replies and auto-replies by mail, comments, updates and escalations by API, all at once.
const replyIds: string[] = [];
const accepted: { key: string; id: string; body: string }[] = [];
await pool(
  [
    ...mailTickets.flatMap((ticket, index) => {
      if (!ticket) return [];
      const replyId = `<soak-${run}-reply-${index}@mail.example.org>`;
      replyIds.push(replyId);
      const tasks = [
        () =>
          sendMail({
            from: mailRequesters[index]!,
            to: DESK,
            subject: `Re: [${ticket.key}] Soak mail ${index}`,
            text: `Reply ${index}.\n\nOn Mon, Nov 2, 2026 at 9:00 AM Desk <${DESK}> wrote:\n> We received your request\n`,
            messageId: replyId,
            inReplyTo: newMailIds[index]!,
          }),
      ];
      if (index % 4 === 0) {
        const autoId = `<soak-${run}-auto-${index}@mail.example.org>`;
        replyIds.push(autoId);
        tasks.push(() =>
          sendMail({ from: mailRequesters[index]!, to: DESK, subject: `Automatic reply: [${ticket.key}]`, text: 'Away this week.', messageId: autoId, headers: { 'Auto-Submitted': 'auto-replied' } }),
        );
      }
      return tasks;
    }),
    ...Array.from({ length: COMMENTS }, (_, index) => async () => {
      const key = apiKeys[index % Math.max(1, Math.min(apiKeys.length, 10))];
      if (!key) return;
      const body = `Soak comment ${run}-${index}`;
      // With an Idempotency-Key a retry after an ambiguous failure cannot add the comment twice.
      const response = await api('POST', `/tickets/${key}/comments`, agent, { body, public: index % 3 !== 0 }, { 'idempotency-key': `soak-comment-${run}-${index}` });
      if (response.status === 201 || response.status === 200) accepted.push({ key, id: response.json.comment.id, body });
      else if (response.status < 500) problems.push(`comment ${index}: ${response.status} ${JSON.stringify(response.json)}`);
    }),
    ...apiKeys.slice(0, 20).map((key, index) => async () => {
      await api('PATCH', `/tickets/${key}`, agent, { priority: index % 2 ? 'P2' : 'P4' });
    }),
    ...apiKeys.slice(20, 30).map((key) => async () => {
      await api('POST', `/tickets/${key}/escalate`, agent, { reason: 'soak' });
    }),
  ],
  CONCURRENCY,
);
const workloadMs = Date.now() - startedAt;
const workloadCalls = counts.apiCalls;

// Phase 3: let everything settle, redrive what was dead-lettered (the outage is over), settle again.
await settle();
const deadLetters = queues().reduce((sum, queue) => sum + queue.deadLetters().length, 0);
const deadLetterReasons = queues().flatMap((queue) => queue.deadLetters().map((letter) => letter.reason));
const redriven = queues().reduce((sum, queue) => sum + queue.redrive(), 0);
await settle();

// Phase 4: reconcile every ticket's SLA timers with its state (what an operator runs for the
// stream records in the failure queue), then check the invariants.
const allKeys = [...new Set([...apiKeys, ...mailTickets.flatMap((ticket) => (ticket ? [ticket.key] : []))])];
const repaired = { created: 0, deleted: 0 };
await pool(
  allKeys.map((key) => async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      try {
        const ticket = (await api('GET', `/tickets/${key}`, admin)).json.ticket as Ticket;
        const done = await reconcileTicketTimers(sideEffects.timers, ticket);
        repaired.created += done.created;
        repaired.deleted += done.deleted;
        return;
      } catch (error) {
        if (attempt === 5) problems.push(`${key}: timers not reconciled: ${(error as Error).message}`);
      }
    }
  }),
  8,
);
await settle();

const activity = new Map<string, { ticket: Ticket; comments: Comment[]; history: HistoryEvent[] }>();
await pool(
  allKeys.map((key) => async () => {
    const ticket = await api('GET', `/tickets/${key}`, admin);
    const history: HistoryEvent[] = [];
    for (let cursor: string | undefined, page = 0; page < 50; page++) {
      const response = await api('GET', `/tickets/${key}/history?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, admin);
      history.push(...(response.json?.items ?? []));
      cursor = response.json?.nextCursor;
      if (!cursor) break;
    }
    activity.set(key, { ticket: ticket.json.ticket, comments: ticket.json.comments ?? [], history });
  }),
  8,
);

let lost = 0;
let duplicated = 0;
const carriers = (id: string) => [...activity.values()].reduce((sum, { ticket, comments }) => sum + (ticket.sourceMessageId === id ? 1 : 0) + comments.filter((comment) => comment.messageId === id).length, 0);
for (const id of [...newMailIds, ...replyIds]) {
  const found = carriers(id);
  if (found === 0) {
    lost++;
    problems.push(`mail ${id} is neither a ticket nor a comment`);
  }
  if (found > 1) {
    duplicated += found - 1;
    problems.push(`mail ${id} was applied ${found} times`);
  }
}
for (const email of apiRequesters) {
  const tickets = await ticketsOf(email);
  if (tickets.length === 0) {
    lost++;
    problems.push(`API request of ${email} opened no ticket`);
  }
  if (tickets.length > 1) {
    duplicated += tickets.length - 1;
    problems.push(`API request of ${email} opened ${tickets.length} tickets`);
  }
}
for (const comment of accepted) {
  const entry = activity.get(comment.key);
  const copies = entry?.comments.filter((candidate) => candidate.body === comment.body).length ?? 0;
  const events = entry?.history.filter((event) => event.commentId === comment.id).length ?? 0;
  if (copies === 0) {
    lost++;
    problems.push(`accepted comment ${comment.body} is missing`);
  }
  if (copies > 1) {
    duplicated += copies - 1;
    problems.push(`comment ${comment.body} is there ${copies} times`);
  }
  if (events !== 1) problems.push(`comment ${comment.body} has ${events} history events`);
}
const quarantined = ((await api('GET', '/mail/quarantine', admin)).json?.items ?? []) as unknown[];
if (quarantined.length < MALFORMED) {
  lost += MALFORMED - quarantined.length;
  problems.push(`${MALFORMED} malformed mails, ${quarantined.length} quarantined`);
}

const pending = new Set(sideEffects.timers.pending().map((timer) => timer.name));
let timerMismatches = 0;
for (const [key, { ticket }] of activity) {
  const wanted = new Set(desiredTimers(key, ticket.sla).map(timerName));
  // Names are `sla.<ticket key>.<metric>.<threshold>.v<version>`.
  const have = [...pending].filter((name) => name.startsWith(`sla.${key}.`));
  const missing = [...wanted].filter((name) => !pending.has(name));
  const extra = have.filter((name) => !wanted.has(name));
  if (missing.length || extra.length) {
    timerMismatches++;
    problems.push(`${key}: SLA timers missing ${missing.join(', ') || '-'}, extra ${extra.join(', ') || '-'}`);
  }
}

const faults = faultStats();
const queueStats = Object.fromEntries(queues().map((queue, index) => [['email-intake', 'notifications', 'intake', 'sla-timers'][index], queue.stats()]));
const report = {
  faults: faultRatesFromEnv(),
  seconds: Math.round((Date.now() - startedAt) / 1000),
  concurrency: CONCURRENCY,
  throughput: {
    /** Creates and mails of phase one, per second of that phase. */
    phaseOnePerSecond: Math.round(((TICKETS + MAILS + DUPLICATED + MALFORMED) / phaseOneMs) * 1000 * 10) / 10,
    /** API calls of the workload (with retries, not the final checks) per second of it. */
    apiCallsPerSecond: Math.round((workloadCalls / workloadMs) * 1000 * 10) / 10,
  },
  messages: { mailsSent: counts.mailsSent, mailsExpected: newMailIds.length + DUPLICATED + replyIds.length + MALFORMED, tickets: allKeys.length, comments: accepted.length },
  operations: { apiCalls: counts.apiCalls, apiRetries: counts.apiRetries, apiGaveUp: counts.apiGaveUp, sdkAttempts: faults.attempts, faultsInjected: faults.injected },
  retries: {
    /** API calls the client made again after a 5xx or a "retry" conflict. */
    api: counts.apiRetries,
    /** Queue deliveries that failed (fault, crash) and came back. */
    queueRedeliveries: queues().reduce((sum, queue) => sum + queue.stats().failedReceives, 0),
    /** Each injected AWS fault is met by a retry: the SDK's for throttles, 5xx and timeouts, ours for transaction conflicts. */
    afterInjectedFaults: Object.entries(faults.injected).reduce((sum, [service, count]) => sum + (service === 'crash' ? 0 : count), 0),
  },
  queues: queueStats,
  deadLetters: { found: deadLetters, redriven, reasons: [...new Set(deadLetterReasons)].slice(0, 5), streamRecordsSetAside: sideEffects.stream.deadLetters().length },
  slaTimers: { pending: pending.size, repairedByReconciliation: repaired, ticketsWithMismatch: timerMismatches },
  lost,
  duplicated,
};
console.log(JSON.stringify(report, null, 2));
const ok = problems.length === 0 && lost === 0 && duplicated === 0;
console.log(ok ? 'Every invariant holds: lost = 0, duplicated = 0.' : `Invariants broken:\n- ${problems.slice(0, 30).join('\n- ')}`);
smtp.close();
await runtime.stop();
process.exit(ok ? 0 : 1);
