/**
 * How late SLA warnings and breaches land, end to end, in the local runtime: tickets under a
 * round-the-clock policy with a short first-response target, the real chain (write -> stream ->
 * timer -> queue handler -> write), and each recorded warning and breach compared with the
 * instant the clock computed for it.
 */
import type { BenchRuntime } from '../lib/bench-runtime.ts';
import { distribution, type Distribution } from '../lib/stats.ts';

export interface TimerLatenessResult {
  tickets: number;
  target: string;
  expected: number;
  recorded: number;
  lateness: Distribution;
  samples: number[];
}

/** The demo policy's thresholds: a warning at 75 %, the breach at 100 %. */
const THRESHOLDS = [75, 100];

export async function measureTimerLateness(runtime: BenchRuntime, options: { tickets: number; targetMs: number; target: string }): Promise<TimerLatenessResult> {
  const requester = await runtime.token({ email: 'rita@example.org' });
  const agent = await runtime.token({ role: 'agent' });
  const keys: string[] = [];
  for (let index = 0; index < options.tickets; index++) {
    keys.push((await runtime.call('POST', '/tickets', requester, { catalogItem: 'it-sla-demo', subject: `Timer ${index}` })).json.ticket.key);
  }
  const lateness: number[] = [];
  const deadline = Date.now() + 120_000;
  for (const key of keys) {
    let clock: { metric: string; breachedAt?: string; startedAt: string } | undefined;
    for (;;) {
      const ticket = (await runtime.call('GET', `/tickets/${key}`, agent)).json.ticket as { sla: { clocks: NonNullable<typeof clock>[] } };
      clock = ticket.sla.clocks.find((candidate) => candidate.metric === 'first_response');
      if (clock!.breachedAt || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const history = (await runtime.call('GET', `/tickets/${key}/history?limit=100`, agent)).json.items as { action: string; detail: string; at: string }[];
    // On a 24x7 calendar a threshold falls due at the clock's start plus its share of the target.
    const started = Date.parse(clock!.startedAt);
    for (const event of history.filter((candidate) => candidate.action === 'sla')) {
      const percent = event.detail.includes('breached') ? 100 : 75;
      lateness.push(Date.parse(event.at) - (started + (options.targetMs * percent) / 100));
    }
  }
  await runtime.settle();
  return {
    tickets: options.tickets,
    target: options.target,
    expected: options.tickets * THRESHOLDS.length,
    recorded: lateness.length,
    lateness: distribution(lateness),
    samples: lateness,
  };
}
