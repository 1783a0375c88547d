/**
 * `npm run bench:sla`: how late SLA warnings and breaches land, end to end, in the local runtime.
 * Opens N tickets under a round-the-clock policy with a short first-response target, lets the real
 * chain run (write -> stream -> timers -> queue handler -> write), and compares when each warning
 * and breach was recorded with the instant the clock computed for it.
 */
import rawConfig from '../../servicedesk.config.ts';
import { useServiceDeskConfig } from '../../shared/config/service-desk-config.ts';
import { startBenchRuntime } from './bench-runtime.ts';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100);
const TARGET = process.env.BENCH_TARGET ?? 'PT8S';

const config = structuredClone(rawConfig) as Record<string, any>;
config.slaPolicies[0].targets = { firstResponse: TARGET };
const parsed = useServiceDeskConfig(config);

const runtime = await startBenchRuntime('bench-sla');
const { server } = runtime;
const token = await runtime.token({ email: 'rita@example.org' });
const agent = await runtime.token({ role: 'agent' });
const call = async (method: string, path: string, auth: string, body?: unknown) => {
  const response = await fetch(new URL(path, server.url), { method, headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return response.json() as Promise<any>;
};

try {
  const keys: string[] = [];
  for (let index = 0; index < TICKETS; index++) {
    keys.push((await call('POST', '/tickets', token, { catalogItem: 'it-sla-demo', subject: `Bench ${index}` })).ticket.key);
  }
  const lateness: number[] = [];
  const deadline = Date.now() + 120_000;
  for (const key of keys) {
    for (;;) {
      const { ticket } = await call('GET', `/tickets/${key}`, agent);
      const clock = ticket.sla.clocks.find((candidate: { metric: string }) => candidate.metric === 'first_response');
      if (clock.breachedAt || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const { ticket } = await call('GET', `/tickets/${key}`, agent);
    const { items } = await call('GET', `/tickets/${key}/history`, agent);
    // On a 24x7 calendar a threshold falls due at the clock's start plus its share of the target.
    const started = Date.parse(ticket.sla.clocks.find((candidate: { metric: string }) => candidate.metric === 'first_response').startedAt);
    const dueOf = (percent: number) => started + targetMs(percent);
    for (const event of items.filter((candidate: { action: string }) => candidate.action === 'sla')) {
      const percent = event.detail.includes('breached') ? 100 : 75;
      lateness.push(Date.parse(event.at) - dueOf(percent));
    }
  }
  lateness.sort((a, b) => a - b);
  const pick = (q: number) => lateness[Math.min(lateness.length - 1, Math.floor(q * lateness.length))];
  console.log(`${TICKETS} tickets, first-response target ${TARGET}: ${lateness.length} warnings and breaches recorded (expected ${TICKETS * 2})`);
  console.log(`lateness after the computed instant: p50 ${pick(0.5)} ms, p99 ${pick(0.99)} ms, max ${lateness.at(-1)} ms, min ${lateness[0]} ms`);
} finally {
  await runtime.stop();
}

function targetMs(percent: number): number {
  const minutes = parsed.slaPolicies[0]!.targets.firstResponse!;
  return (minutes * 60_000 * percent) / 100;
}
