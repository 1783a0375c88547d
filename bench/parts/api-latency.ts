/**
 * Latency of API operations through the local runtime (HTTP server, JWT check, handler, DynamoDB
 * Local), measured by the client, at a fixed number of requests in flight.
 */
import type { BenchRuntime } from '../lib/bench-runtime.ts';
import { distribution, type Distribution } from '../lib/stats.ts';

export interface OperationLatency extends Distribution {
  operation: string;
  errors: number;
  /** Every sample, in milliseconds, for the distribution chart. */
  samples: number[];
}

export interface ApiLatencyResult {
  concurrency: number;
  requestsPerOperation: number;
  operations: OperationLatency[];
}

export async function measureApiLatency(runtime: BenchRuntime, options: { concurrency: number; requests: number }): Promise<ApiLatencyResult> {
  const requester = await runtime.token({ email: 'rita@example.org' });
  const agent = await runtime.token({ role: 'agent' });
  const pool: string[] = [];
  for (let index = 0; index < 20; index++) {
    pool.push((await runtime.call('POST', '/tickets', requester, { subject: `Latency ${index}`, impact: 'low', urgency: 'medium' })).json.ticket.key);
  }
  await runtime.settle();
  const pick = (index: number) => pool[index % pool.length]!;
  const operations: [string, (index: number) => Promise<{ status: number; ms: number }>][] = [
    ['GET /tickets/{key}', (index) => runtime.call('GET', `/tickets/${pick(index)}`, agent)],
    ['GET /tickets?desk=it', () => runtime.call('GET', '/tickets?desk=it&limit=25', agent)],
    ['GET /tickets/{key}/history', (index) => runtime.call('GET', `/tickets/${pick(index)}/history`, agent)],
    ['POST /tickets', (index) => runtime.call('POST', '/tickets', requester, { subject: `Latency create ${index}`, impact: 'low', urgency: 'low' })],
    // Three priorities over a pool of 20: every visit of a ticket changes its priority, so every call writes.
    ['PATCH /tickets/{key}', (index) => runtime.call('PATCH', `/tickets/${pick(index)}`, agent, { priority: (['P2', 'P3', 'P4'] as const)[((index % 3) + 3) % 3] })],
    ['POST /tickets/{key}/comments', (index) => runtime.call('POST', `/tickets/${pick(index)}/comments`, agent, { body: `Note ${index}`, public: false })],
    ['GET /catalog', () => runtime.call('GET', '/catalog', requester)],
  ];
  const results: OperationLatency[] = [];
  for (const [operation, request] of operations) {
    // One call first: the handler's module is loaded on first use, like a cold start.
    await request(-1);
    const samples: number[] = [];
    let errors = 0;
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < options.requests; index = next++) {
        const response = await request(index);
        if (response.status >= 400) errors += 1;
        samples.push(response.ms);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    await runtime.settle();
    results.push({ operation, errors, ...distribution(samples), samples: samples.map((ms) => Math.round(ms * 10) / 10) });
  }
  return { concurrency: options.concurrency, requestsPerOperation: options.requests, operations: results };
}
