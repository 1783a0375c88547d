import type { BenchRuntime } from './bench-runtime.ts';

/** An API operation the latency parts time: what it is called, whether it writes, its handler, one call of it. */
export interface TimedOperation {
  operation: string;
  kind: 'read' | 'write';
  handler: string;
  request: (index: number) => Promise<{ status: number; ms: number }>;
}

/** The operations the latency parts time, over a pool of 20 tickets opened for them (named `label`). */
export async function timedOperations(runtime: BenchRuntime, label: string): Promise<TimedOperation[]> {
  const requester = await runtime.token({ email: 'rita@example.org' });
  const agent = await runtime.token({ role: 'agent' });
  const pool: string[] = [];
  for (let index = 0; index < 20; index++) {
    pool.push((await runtime.call('POST', '/tickets', requester, { subject: `${label} ${index}`, impact: 'low', urgency: 'medium' })).json.ticket.key);
  }
  await runtime.settle();
  const pick = (index: number) => pool[((index % pool.length) + pool.length) % pool.length]!;
  return [
    { operation: 'GET /tickets/{key}', kind: 'read', handler: 'get-ticket', request: (index) => runtime.call('GET', `/tickets/${pick(index)}`, agent) },
    { operation: 'GET /tickets?desk=it', kind: 'read', handler: 'list-tickets', request: () => runtime.call('GET', '/tickets?desk=it&limit=25', agent) },
    { operation: 'GET /tickets/{key}/history', kind: 'read', handler: 'get-ticket-history', request: (index) => runtime.call('GET', `/tickets/${pick(index)}/history`, agent) },
    {
      operation: 'POST /tickets',
      kind: 'write',
      handler: 'create-ticket',
      request: (index) => runtime.call('POST', '/tickets', requester, { subject: `${label} create ${index}`, impact: 'low', urgency: 'low' }),
    },
    {
      operation: 'PATCH /tickets/{key}',
      kind: 'write',
      handler: 'update-ticket',
      // Three priorities over a pool of 20: every visit of a ticket changes its priority, so every call writes.
      request: (index) => runtime.call('PATCH', `/tickets/${pick(index)}`, agent, { priority: (['P2', 'P3', 'P4'] as const)[((index % 3) + 3) % 3] }),
    },
    {
      operation: 'POST /tickets/{key}/comments',
      kind: 'write',
      handler: 'add-comment',
      request: (index) => runtime.call('POST', `/tickets/${pick(index)}/comments`, agent, { body: `Note ${index}`, public: false }),
    },
    { operation: 'GET /catalog', kind: 'read', handler: 'get-catalog', request: () => runtime.call('GET', '/catalog', requester) },
  ];
}
