/**
 * `npm run bench:email`: mail to ticket through the local runtime. Sends N mails at once over SMTP
 * (each from its own sender), waits until every one is a ticket, and reports how long each took
 * from the SMTP answer to the ticket's creation, and whether any mail became two tickets.
 */
import { createTransport } from 'nodemailer';
import { startBenchRuntime } from './bench-runtime.ts';

const MAILS = Number(process.env.BENCH_MAILS ?? 200);
const runtime = await startBenchRuntime('bench-email');
const { server, sideEffects } = runtime;
const admin = await runtime.token({ role: 'admin' });
const smtp = createTransport({ host: '127.0.0.1', port: sideEffects.smtp.port, secure: false, ignoreTLS: true, pool: true, maxConnections: 20 });
const run = Date.now().toString(36);

try {
  const started = Date.now();
  const accepted = new Map<string, number>();
  await Promise.all(
    Array.from({ length: MAILS }, async (_, index) => {
      const from = `bench.${run}.${index}@example.org`;
      await smtp.sendMail({ from, to: 'support@desk.example.com', subject: `Bench mail ${index}`, text: `Mail number ${index}.` });
      accepted.set(from, Date.now());
    }),
  );
  const sent = Date.now() - started;
  const latencies: number[] = [];
  let duplicates = 0;
  const deadline = Date.now() + 120_000;
  for (const [from, at] of accepted) {
    for (;;) {
      const response = await fetch(new URL(`/tickets?requester=${encodeURIComponent(from)}&status=all`, server.url), { headers: { authorization: `Bearer ${admin}` } });
      const { items } = (await response.json()) as { items: { createdAt: string }[] };
      if (items.length > 0 || Date.now() > deadline) {
        if (items.length > 1) duplicates += items.length - 1;
        if (items[0]) latencies.push(Date.parse(items[0].createdAt) - at);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  latencies.sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  console.log(`${MAILS} mails sent at once in ${sent} ms: ${latencies.length} tickets, ${duplicates} duplicates, ${sideEffects.smtp.deadLetters().length} dead letters`);
  console.log(`SMTP accepted -> ticket created: p50 ${pick(0.5)} ms, p99 ${pick(0.99)} ms, max ${latencies.at(-1)} ms`);
} finally {
  smtp.close();
  await runtime.stop();
}
