/** The results as markdown tables, in the order the README presents them. */
import type { BenchResults } from './bench-results.ts';
import { FLOOR_FACTOR_TARGET, OWN_TIME_TARGET_MS } from './parts/request-overhead.ts';

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
const usd = (value: number) => `$${value < 0.01 && value > 0 ? value.toFixed(4) : value.toFixed(2)}`;
const kb1 = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const ms1 = (value: number) => `${value.toFixed(1)} ms`;
const yes = (met: boolean) => (met ? 'yes' : '**no**');

export function renderMarkdown(results: BenchResults, history: HistoryEntry[]): string {
  const out: string[] = [];
  const { machine } = results;
  out.push(
    `Taken ${results.takenAt} at ${results.commit} on ${machine.cpus} x ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node} (${machine.platform}); load average ${machine.loadBefore.join(' / ')} before, ${machine.loadAfter.join(' / ')} after (1/5/15 min; other work shares this machine). \`${results.command}\` took ${results.durationSeconds} s.`,
  );
  out.push('');
  const targets = targetRows(results);
  if (targets.length) {
    out.push('| Target | Where it stands | Met |', '|---|---|---|');
    for (const row of targets) out.push(`| ${row.target} | ${row.standing} | ${yes(row.met)} |`);
    out.push('');
  }
  const db = results.dynamodb;
  if (db) {
    out.push('### DynamoDB per API operation', '', `Method: ${db.method}`, '');
    out.push('| Operation | Round trips | RRU | WRU | Commands | Follow-up (stream, mail) RT / RRU / WRU | Scan | Target | Met |', '|---|---|---|---|---|---|---|---|---|');
    for (const op of db.operations) {
      const follow = op.followUp.roundTrips ? `${op.followUp.roundTrips} / ${op.followUp.readUnits} / ${op.followUp.writeUnits} (${op.followUp.functions})` : '-';
      out.push(
        `| ${op.operation} | ${op.api.roundTrips} | ${op.api.readUnits} | ${op.api.writeUnits} | ${op.api.commands || '-'} | ${follow} | ${op.api.scans + op.followUp.scans} | ${op.target} | ${yes(op.meetsTarget)} |`,
      );
    }
    const life = db.lifecycle;
    out.push('', `### One ticket's lifecycle`, '', `Steps: ${life.steps.join('; ')}.`, '');
    out.push('| Function | Invocations | Handler time | Log bytes | Round trips | RRU | WRU | Commands |', '|---|---|---|---|---|---|---|---|');
    for (const [name, fn] of Object.entries(life.functions).filter(([name]) => name !== '(bench)')) {
      out.push(`| ${name} | ${fn.invocations} | ${ms(fn.durationMs)} | ${fn.logBytes} | ${fn.roundTrips} | ${fn.readUnits} | ${fn.writeUnits} | ${fn.commands || '-'} |`);
    }
    out.push(`| **total** | | | | **${life.total.roundTrips}** | **${life.total.readUnits}** | **${life.total.writeUnits}** | ${life.total.scans} Scan |`);
    out.push(
      '',
      `Per ticket: ${life.apiRequests} API requests, ${life.inboundMails} mails in, ${life.sentMails} mails out (${life.sentRecipients} recipients), ${life.timersScheduled} schedules created and ${life.timersCancelled} deleted, ${life.timersFired} fired, ${life.streamRecordsPassingFilter} stream records past the stack's filter, ${kb(life.storedBytes)} left in the table (indexes included).`,
      '',
    );
  }
  const latency = results.latency;
  if (latency) {
    out.push(`### API latency (${latency.requestsPerOperation} requests per operation, ${latency.concurrency} in flight)`, '');
    out.push('| Operation | p50 | p95 | p99 | max | errors |', '|---|---|---|---|---|---|');
    for (const op of latency.operations) out.push(`| ${op.operation} | ${ms(op.p50)} | ${ms(op.p95)} | ${ms(op.p99)} | ${ms(op.max)} | ${op.errors} |`);
    out.push('');
  }
  const overhead = results.overhead;
  if (overhead) {
    out.push(`### Request overhead at one client (${overhead.requestsPerOperation} requests per operation)`, '', `Method: ${overhead.method}`, '');
    out.push(
      `| Operation | DynamoDB requests | Replay | Floor | End to end | x floor (≤ ${FLOOR_FACTOR_TARGET}) | Handler | Waiting on DynamoDB | Own time (≤ ${OWN_TIME_TARGET_MS.read} ms read, ${OWN_TIME_TARGET_MS.write} ms write) | errors |`,
      '|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const op of overhead.operations) {
      const factor = op.floorFactor === null ? 'no DynamoDB work' : `${op.floorFactor}: ${yes(op.meetsFloorFactor)}`;
      out.push(
        `| ${op.operation} | ${op.commands} | ${ms1(op.replayMs)} | ${ms1(op.floorMs)} | ${ms1(op.endToEndMs)} | ${factor} | ${ms1(op.handlerMs)} | ${ms1(op.waitingOnDynamoDbMs)} | ${ms1(op.ownMs)}: ${yes(op.meetsOwnTime)} | ${op.errors} |`,
      );
    }
    out.push('');
  }
  const email = results.email;
  if (email) {
    out.push('### Email intake (SMTP accepted -> ticket committed)', '');
    out.push('| Senders | Mails | Mails/s | p50 | p95 | p99 | Tickets | Lost | Duplicates | Dead letters |', '|---|---|---|---|---|---|---|---|---|---|');
    for (const level of email.levels) {
      out.push(
        `| ${level.mode === 'one at a time' ? '1, one at a time' : `${level.senders} at once`} | ${level.mails} | ${level.mailsPerSecond} | ${ms(level.latency.p50)} | ${ms(level.latency.p95)} | ${ms(level.latency.p99)} | ${level.tickets} | ${level.lost} | ${level.duplicates} | ${level.deadLetters} |`,
      );
    }
    out.push('');
  }
  const timers = results.timers;
  if (timers) {
    out.push(
      `### SLA timer lateness`,
      '',
      `${timers.tickets} tickets, first-response target ${timers.target}: ${timers.recorded} of ${timers.expected} warnings and breaches recorded; after the computed instant p50 ${ms(timers.lateness.p50)}, p99 ${ms(timers.lateness.p99)}, max ${ms(timers.lateness.max)}.`,
      '',
    );
  }
  const bundles = results.bundles;
  if (bundles) {
    out.push(`### Function bundles (as \`cdk synth\` builds them; import in a fresh Node ${bundles.nodeVersion} process, median of ${bundles.initRuns})`, '');
    const deployed = bundles.sourceMapsAtRunTime ? 'source maps on' : 'no source maps';
    out.push(
      `| Function | Bundle | Init as deployed (${deployed}): median (fastest) | Init with -c sourceMaps=on | Largest packages | Size target (read 300 KB, write 400 KB) | ≤ 80 ms |`,
      '|---|---|---|---|---|---|---|',
    );
    for (const fn of [...bundles.functions].sort((a, b) => b.bytes - a.bytes)) {
      out.push(
        `| ${fn.name} | ${kb(fn.bytes)} | ${ms(fn.initMs)} (${ms(fn.initMinMs)}) | ${ms(fn.initWithSourceMapsMs)} | ${fn.largest.map((entry) => `${entry.module} ${kb(entry.bytes)}`).join(', ')} | ${kb(fn.sizeTargetBytes)}: ${yes(fn.meetsSizeTarget)} | ${yes(fn.meetsInitTarget)} |`,
      );
    }
    out.push('', `\`cdk synth\` with bundling: ${bundles.synthSeconds} s.`, '');
  }
  const web = results.web;
  if (web) {
    const js = web.initialJs;
    out.push(`### Web app (\`npm run build:web\` ${web.buildSeconds} s)`, '');
    out.push(
      `Initial JavaScript: the entry chunk and its static imports as the built index.html loads them, gzip level 9: **${kb1(js.gzipBytes)}** (${kb1(js.bytes)} minified; target ≤ ${kb1(js.targetGzipBytes)}); the stylesheets add ${kb1(js.cssGzipBytes)} gzip.`,
      '',
    );
    out.push('| File | Minified | Gzip |', '|---|---|---|');
    for (const file of js.files) out.push(`| ${file.file} | ${kb1(file.bytes)} | ${kb1(file.gzipBytes)} |`);
    const lh = web.lighthouse;
    out.push('', `Lighthouse ${lh.version} (${lh.settings}), signed in as ${lh.signedInAs}, served by the local runtime from web/dist; each page's median of ${lh.runs} runs by performance:`, '');
    out.push(
      `| Page | Accessibility (target ${lh.accessibilityTarget}) | Performance (target ≥ ${lh.performanceTarget}) | FCP | LCP | TBT | CLS | Speed index | Accessibility audits not passed |`,
      '|---|---|---|---|---|---|---|---|---|',
    );
    for (const page of lh.pages) {
      const m = page.metrics;
      out.push(
        `| ${page.name} \`${page.path}\` | ${page.accessibility} ${page.meetsAccessibility ? '' : '**(below)**'} | ${page.performance} ${page.meetsPerformance ? '' : '**(below)**'} | ${ms(m.firstContentfulPaint)} | ${ms(m.largestContentfulPaint)} | ${ms(m.totalBlockingTime)} | ${m.cumulativeLayoutShift} | ${ms(m.speedIndex)} | ${page.failedAccessibilityAudits.join(', ') || '-'} |`,
      );
    }
    out.push('');
  }
  const agentConsole = results.console;
  if (agentConsole) {
    const js = agentConsole.initialJs;
    const p = (d: { p50: number; p95: number }) => `${ms(d.p50)} (p95 ${ms(d.p95)})`;
    out.push(
      `### Agent console (headless Chromium against the local runtime; ${agentConsole.activeTickets.toLocaleString('en-US')} active tickets in the IT desk, one ticket with ${agentConsole.comments} comments; median of ${agentConsole.runs} runs)`,
      '',
    );
    out.push(
      `Initial JavaScript of the console (every script a cold load of the IT queue fetches before its first page shows, gzip level 9): **${kb1(js.gzipBytes)}** in ${js.files.length} files (target ≤ ${kb1(js.targetGzipBytes)}): ${[
        ...js.files,
      ]
        .sort((a, b) => b.gzipBytes - a.gzipBytes)
        .map((file) => `${file.file.replace(/^assets\//, '')} ${kb1(file.gzipBytes)}`)
        .join(', ')}.`,
      '',
    );
    out.push('| Measure | Median (p95) | Target |', '|---|---|---|');
    out.push(`| Queue's first page after an in-app navigation | ${p(agentConsole.queueNavigation)} | ≤ ${agentConsole.targets.queueMs} ms |`);
    out.push(`| Queue's first page after a full page load | ${p(agentConsole.queueFullLoad)} | - |`);
    out.push(`| Ticket with ${agentConsole.comments} comments after an in-app navigation | ${p(agentConsole.ticketNavigation)} | ≤ ${agentConsole.targets.ticketMs} ms |`);
    if (agentConsole.reply) {
      out.push(`| Reply in the conversation after Send: the app's own time | ${p(agentConsole.reply.app)} | ≤ ${agentConsole.targets.replyMs} ms |`);
      out.push(`| ... the API's requests on the way | ${p(agentConsole.reply.api)} | - |`);
      out.push(`| ... in all | ${p(agentConsole.reply.total)} | - |`);
    }
    const lh = agentConsole.lighthouse;
    out.push('', `Lighthouse ${lh.version} (${lh.settings}), signed in as an agent; each page's median of ${lh.runs} runs by performance:`, '');
    out.push('| Page | Accessibility | Performance | FCP | LCP | TBT | CLS | Accessibility audits not passed |', '|---|---|---|---|---|---|---|---|');
    for (const page of lh.pages) {
      const m = page.metrics;
      out.push(
        `| ${page.name} \`${page.path}\` | ${page.accessibility} | ${page.performance} | ${ms(m.firstContentfulPaint)} | ${ms(m.largestContentfulPaint)} | ${ms(m.totalBlockingTime)} | ${m.cumulativeLayoutShift} | ${page.failedAccessibilityAudits.join(', ') || '-'} |`,
      );
    }
    out.push('');
  }
  const cost = results.cost;
  if (cost) {
    const a = cost.assumptions;
    out.push(`### Monthly AWS cost for ${a.ticketsPerMonth.toLocaleString('en-US')} tickets (us-east-1, on demand)`, '');
    out.push(
      `Assumptions: the measured lifecycle per ticket; ${a.agents} staff, ${a.requesters} requesters and ${a.federatedUsers} federated users signing in; inbound mail ${a.inboundMailKb} KB on average; table, logs and raw mail after ${a.monthsOfHistory} months; Lambda time = ${a.durationFactor} x the handler time measured here; a cold start after ${a.idleEnvironmentMinutes} idle minutes. Prices and their sources: \`bench/prices.json\`.`,
      '',
    );
    out.push('| Service | Item | Quantity | Monthly | With always-free tiers |', '|---|---|---|---|---|');
    for (const line of cost.lines) out.push(`| ${line.service} | ${line.item} | ${line.quantity.toLocaleString('en-US')} ${line.unit} | ${usd(line.usd)} | ${usd(line.usdWithFreeTiers)} |`);
    out.push(`| **total** | | | **${usd(cost.total)}** | **${usd(cost.totalWithFreeTiers)}** |`);
    out.push(`| total without SES's per-mail fees | | | ${usd(cost.totalExcludingSesMailFees)} | ${usd(cost.totalExcludingSesMailFeesWithFreeTiers)} |`);
    out.push(`| total without SES's per-mail fees and sign-ins | | | ${usd(cost.totalExcludingSesMailFeesAndSignIn)} | |`);
    out.push(
      '',
      `Idle (deployed, no traffic): **${usd(cost.idle.total)}** a month (${usd(cost.idle.totalWithFreeTiers)} with the always-free tiers): ${cost.idle.lines.map((line) => `${line.item} ${usd(line.usd)}`).join('; ')}.`,
      '',
    );
    out.push(
      `Signing in (Cognito, per monthly active user; this desk is on ${a.cognitoPlan === 'plus' ? 'Plus' : 'Essentials'}, \`signIn.featurePlan\`): ${cost.signIn
        .map(
          ({ users, plan, usd: bill, usdWithFreeTiers }) =>
            `${users.staff} staff, ${users.requesters} requesters and ${users.federated} federated users on ${plan === 'plus' ? 'Plus' : 'Essentials'} ${usd(bill)} (${usd(usdWithFreeTiers)} free tier applied)`,
        )
        .join('; ')}.`,
      '',
    );
    out.push(`SaaS peers for ${a.agents} agents, per month: ${cost.peers.map((peer) => `${peer.product} $${peer.monthlyUsd} ($${peer.perAgentUsd} an agent)`).join('; ')}.`, '');
  }
  if (history.length > 1) {
    out.push('### History (latest last)', '');
    out.push(
      '| Taken | Commit | Load (1 min) | Lifecycle RT / WRU | API p99 max | Mail p99 (8 senders) | Timer p99 | Largest bundle | Init max | Initial JS gzip | Lighthouse a11y / perf (lowest) | Monthly | Idle |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const entry of history.slice(-10)) {
      out.push(
        `| ${entry.takenAt.slice(0, 16)} | ${entry.commit} | ${entry.load1} | ${entry.lifecycleRoundTrips ?? '-'} / ${entry.lifecycleWriteUnits ?? '-'} | ${opt(entry.apiP99MaxMs, ms)} | ${opt(entry.mailP99Ms, ms)} | ${opt(entry.timerP99Ms, ms)} | ${opt(entry.largestBundleBytes, kb)} | ${opt(entry.initMaxMs, ms)} | ${opt(entry.initialJsGzipBytes, kb1)} | ${entry.lighthouseAccessibilityMin ?? '-'} / ${entry.lighthousePerformanceMin ?? '-'} | ${opt(entry.monthlyUsd, usd)} | ${opt(entry.idleUsd, usd)} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

function opt<T>(value: T | undefined, format: (value: T) => string): string {
  return value === undefined || value === null ? '-' : format(value);
}

export interface HistoryEntry {
  takenAt: string;
  commit: string;
  load1: number;
  lifecycleRoundTrips?: number;
  lifecycleWriteUnits?: number;
  lifecycleReadUnits?: number;
  apiP99MaxMs?: number;
  mailP99Ms?: number;
  timerP99Ms?: number;
  largestBundleBytes?: number;
  initMaxMs?: number;
  monthlyUsd?: number;
  idleUsd?: number;
  initialJsGzipBytes?: number;
  lighthouseAccessibilityMin?: number;
  lighthousePerformanceMin?: number;
}

export function historyEntry(results: BenchResults): HistoryEntry {
  const eight = results.email?.levels.find((level) => level.mode === 'at once' && level.senders === 8) ?? results.email?.levels.at(-1);
  return {
    takenAt: results.takenAt,
    commit: results.commit,
    load1: results.machine.loadBefore[0]!,
    lifecycleRoundTrips: results.dynamodb?.lifecycle.total.roundTrips,
    lifecycleWriteUnits: results.dynamodb?.lifecycle.total.writeUnits,
    lifecycleReadUnits: results.dynamodb?.lifecycle.total.readUnits,
    apiP99MaxMs: results.latency ? Math.max(...results.latency.operations.map((op) => op.p99)) : undefined,
    mailP99Ms: eight?.latency.p99,
    timerP99Ms: results.timers?.lateness.p99,
    largestBundleBytes: results.bundles ? Math.max(...results.bundles.functions.map((fn) => fn.bytes)) : undefined,
    initMaxMs: results.bundles ? Math.max(...results.bundles.functions.map((fn) => fn.initMs)) : undefined,
    monthlyUsd: results.cost?.total,
    idleUsd: results.cost?.idle.total,
    initialJsGzipBytes: results.web?.initialJs.gzipBytes,
    lighthouseAccessibilityMin: results.web ? Math.min(...results.web.lighthouse.pages.map((page) => page.accessibility)) : undefined,
    lighthousePerformanceMin: results.web ? Math.min(...results.web.lighthouse.pages.map((page) => page.performance)) : undefined,
  };
}

interface TargetRow {
  target: string;
  standing: string;
  met: boolean;
}

function targetRows(results: BenchResults): TargetRow[] {
  const rows: TargetRow[] = [];
  const db = results.dynamodb;
  if (db) {
    const reads = db.operations.filter((op) => op.target.startsWith('one'));
    const writes = db.operations.filter((op) => !op.target.startsWith('one'));
    const slowReads = reads.filter((op) => !op.meetsTarget);
    rows.push({
      target: 'Reads are one DynamoDB round trip',
      standing: slowReads.length ? `${reads.length - slowReads.length} of ${reads.length}; not: ${slowReads.map((op) => `${op.operation} (${op.api.roundTrips})`).join(', ')}` : `all ${reads.length}`,
      met: slowReads.length === 0,
    });
    const badWrites = writes.filter((op) => !op.meetsTarget);
    rows.push({
      target: 'A write is at most one transaction plus the stream',
      standing: `${writes.length - badWrites.length} of ${writes.length}; besides its transaction a write makes ${Math.min(...writes.map((op) => op.api.roundTrips - op.api.transactions))}-${Math.max(...writes.map((op) => op.api.roundTrips - op.api.transactions))} other round trips (reads, counters)`,
      met: badWrites.length === 0,
    });
    const scans = db.operations.reduce((sum, op) => sum + op.api.scans + op.followUp.scans, 0) + db.lifecycle.total.scans;
    rows.push({ target: 'No Scan', standing: `${scans} Scan`, met: scans === 0 });
  }
  const bundles = results.bundles;
  if (bundles) {
    const big = bundles.functions.filter((fn) => !fn.meetsSizeTarget);
    rows.push({
      target: 'Bundles minified: read routes ≤ 300 KB, functions that write ≤ 400 KB',
      standing: `${bundles.functions.length - big.length} of ${bundles.functions.length}; largest ${Math.round(Math.max(...bundles.functions.map((fn) => fn.bytes)) / 1024)} KB`,
      met: big.length === 0,
    });
    const slow = bundles.functions.filter((fn) => !fn.meetsInitTarget);
    rows.push({
      target: 'Module init ≤ 80 ms',
      standing: `${bundles.functions.length - slow.length} of ${bundles.functions.length}; slowest ${Math.round(Math.max(...bundles.functions.map((fn) => fn.initMs)))} ms (${bundles.sourceMapsAtRunTime ? 'source maps on' : 'as deployed, no source maps at run time'})`,
      met: slow.length === 0,
    });
  }
  const overhead = results.overhead;
  if (overhead) {
    const withFloor = overhead.operations.filter((op) => op.floorFactor !== null);
    const far = withFloor.filter((op) => !op.meetsFloorFactor);
    rows.push({
      target: `API calls at one client ≤ ${FLOOR_FACTOR_TARGET}x their DynamoDB floor`,
      standing: `${withFloor.length - far.length} of ${withFloor.length}; ${withFloor.map((op) => `${op.operation} ${op.floorFactor}x`).join(', ')}`,
      met: far.length === 0,
    });
    const busy = overhead.operations.filter((op) => !op.meetsOwnTime);
    rows.push({
      target: `Handler's own time ≤ ${OWN_TIME_TARGET_MS.read} ms (reads), ≤ ${OWN_TIME_TARGET_MS.write} ms (writes)`,
      standing: `${overhead.operations.length - busy.length} of ${overhead.operations.length}; ${overhead.operations.map((op) => `${op.operation} ${op.ownMs} ms`).join(', ')}`,
      met: busy.length === 0,
    });
  }
  const email = results.email;
  if (email) {
    const single = email.levels.find((level) => level.mode === 'one at a time');
    const clean = email.levels.every((level) => level.lost === 0 && level.duplicates === 0);
    rows.push({
      target: 'Email-to-ticket p99 < 500 ms locally',
      standing: email.levels.map((level) => `${level.mode === 'one at a time' ? 'one at a time' : `${level.senders} at once`}: ${Math.round(level.latency.p99)} ms`).join(', '),
      met: (single?.latency.p99 ?? Infinity) < 500,
    });
    const rates = email.levels
      .filter((level) => level.mode === 'at once')
      .map((level) => `${level.senders}: ${level.mailsPerSecond}/s`)
      .join(', ');
    rows.push({ target: 'Intake loses and duplicates nothing', standing: clean ? `no loss, no duplicate (mails/s by senders at once: ${rates})` : 'loss or duplicates', met: clean });
  }
  if (results.timers)
    rows.push({
      target: 'Timer lateness p99 < 1 s locally',
      standing: `p99 ${Math.round(results.timers.lateness.p99)} ms over ${results.timers.recorded} timers`,
      met: results.timers.lateness.p99 < 1000 && results.timers.recorded >= 200,
    });
  const web = results.web;
  if (web) {
    rows.push({ target: 'Portal initial JavaScript ≤ 100 KB gzip', standing: `${kb1(web.initialJs.gzipBytes)} in ${web.initialJs.files.length} files`, met: web.initialJs.meetsTarget });
    const pages = web.lighthouse.pages;
    rows.push({ target: 'Lighthouse accessibility 100', standing: pages.map((page) => `${page.name} ${page.accessibility}`).join(', '), met: pages.every((page) => page.meetsAccessibility) });
    rows.push({ target: 'Lighthouse performance ≥ 95', standing: pages.map((page) => `${page.name} ${page.performance}`).join(', '), met: pages.every((page) => page.meetsPerformance) });
  }
  const agentConsole = results.console;
  if (agentConsole) {
    rows.push({
      target: 'Console initial JavaScript ≤ 150 KB gzip',
      standing: `${kb1(agentConsole.initialJs.gzipBytes)} in ${agentConsole.initialJs.files.length} files`,
      met: agentConsole.initialJs.meetsTarget,
    });
    rows.push({
      target: `Queue of ${agentConsole.activeTickets.toLocaleString('en-US')} active tickets ≤ ${agentConsole.targets.queueMs} ms`,
      standing: `median ${ms(agentConsole.queueNavigation.p50)}`,
      met: agentConsole.queueNavigation.p50 <= agentConsole.targets.queueMs,
    });
    rows.push({
      target: `Ticket of ${agentConsole.comments} comments ≤ ${agentConsole.targets.ticketMs} ms`,
      standing: `median ${ms(agentConsole.ticketNavigation.p50)}`,
      met: agentConsole.ticketNavigation.p50 <= agentConsole.targets.ticketMs,
    });
    if (agentConsole.reply)
      rows.push({
        target: `Reply shown ≤ ${agentConsole.targets.replyMs} ms after Send, plus the API`,
        standing: `median ${ms(agentConsole.reply.app.p50)} + API ${ms(agentConsole.reply.api.p50)}`,
        met: agentConsole.reply.app.p50 <= agentConsole.targets.replyMs,
      });
    const pages = agentConsole.lighthouse.pages;
    rows.push({
      target: 'Console Lighthouse accessibility 100, performance ≥ 95',
      standing: pages.map((page) => `${page.name} ${page.accessibility} / ${page.performance}`).join(', '),
      met: pages.every((page) => page.meetsAccessibility && page.meetsPerformance),
    });
  }
  const cost = results.cost;
  if (cost) {
    rows.push({
      target: `< $6 a month for ${cost.assumptions.ticketsPerMonth.toLocaleString('en-US')} tickets`,
      standing: `${usd(cost.total)} (${usd(cost.totalWithFreeTiers)} with always-free tiers)`,
      met: cost.total < 6,
    });
    rows.push({
      target: "< $1.50 without SES's per-mail fees",
      standing: `${usd(cost.totalExcludingSesMailFees)} (${usd(cost.totalExcludingSesMailFeesWithFreeTiers)} with always-free tiers; ${usd(cost.totalExcludingSesMailFeesAndSignIn)} without sign-ins)`,
      met: cost.totalExcludingSesMailFees < 1.5,
    });
    rows.push({
      target: `≤ ${usd(cost.targets.idleUsd)} a month idle, ≤ ${usd(cost.targets.idleWithFreeTiersUsd)} with the always-free tiers`,
      standing: `${usd(cost.idle.total)} (${usd(cost.idle.totalWithFreeTiers)} with always-free tiers)`,
      met: cost.idle.total <= cost.targets.idleUsd && cost.idle.totalWithFreeTiers <= cost.targets.idleWithFreeTiersUsd,
    });
  }
  return rows;
}
