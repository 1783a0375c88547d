/**
 * Latency of API operations through the local runtime (HTTP server, JWT check, handler, DynamoDB
 * Local), measured by the client, at a fixed number of requests in flight.
 */
import type { BenchRuntime } from '../lib/bench-runtime.ts';
import { distribution, type Distribution } from '../lib/stats.ts';
import { timedOperations } from '../lib/timed-operations.ts';

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
  const operations = await timedOperations(runtime, 'Latency');
  const results: OperationLatency[] = [];
  for (const { operation, request } of operations) {
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
