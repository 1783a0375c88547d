/**
 * Mail to ticket through the local SMTP intake: throughput at several numbers of concurrent
 * senders, and the time from the SMTP server's 250 to the committed ticket, with every mail
 * checked at the end to have become exactly one ticket.
 */
import { createTransport } from 'nodemailer';
import type { BenchRuntime } from '../lib/bench-runtime.ts';
import { distribution, round, type Distribution } from '../lib/stats.ts';

export interface IntakeLevel {
  /** One at a time: each mail sent once the previous one is a ticket (latency without queueing). At once: senders keep sending. */
  mode: 'one at a time' | 'at once';
  senders: number;
  mails: number;
  seconds: number;
  mailsPerSecond: number;
  tickets: number;
  lost: number;
  duplicates: number;
  deadLetters: number;
  /** SMTP accepted -> ticket committed, in milliseconds. */
  latency: Distribution;
  samples: number[];
}

export interface EmailIntakeResult {
  levels: IntakeLevel[];
}

export async function measureEmailIntake(runtime: BenchRuntime, options: { senders: number[]; mails: number; oneAtATime: number }): Promise<EmailIntakeResult> {
  const admin = await runtime.token({ role: 'admin' });
  const accepted = new Map<string, number>();
  const committed = new Map<string, number>();
  // The intake handler's event names the stored object; the SMTP answer names it too ("Queued as <key>").
  const stopListening = runtime.onInvocation((functionName, event, result) => {
    if (functionName !== 'email-intake') return;
    const failed = new Set(((result as { batchItemFailures?: { itemIdentifier: string }[] } | undefined)?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    for (const record of (event as { Records: { messageId: string; body: string }[] }).Records) {
      if (failed.has(record.messageId)) continue;
      for (const notification of JSON.parse(record.body).Records ?? []) {
        const key = decodeURIComponent(String(notification.s3.object.key).replace(/\+/g, ' '));
        if (!committed.has(key)) committed.set(key, performance.now());
      }
    }
  });
  const levels: IntakeLevel[] = [];
  const run = Date.now().toString(36);
  try {
    const plan: { mode: IntakeLevel['mode']; senders: number }[] = [{ mode: 'one at a time', senders: 1 }, ...options.senders.map((senders) => ({ mode: 'at once' as const, senders }))];
    for (const { mode, senders } of plan) {
      const deadLettersBefore = runtime.sideEffects.smtp.deadLetters().length;
      const mails = mode === 'one at a time' ? options.oneAtATime : Math.max(senders, Math.round(options.mails / senders) * senders);
      const keys: { from: string; key: string }[] = [];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: senders }, async (_, sender) => {
          // One SMTP connection per sender, each sending its share one after another.
          const smtp = createTransport({ host: '127.0.0.1', port: runtime.sideEffects.smtp.port, secure: false, ignoreTLS: true, pool: true, maxConnections: 1 });
          for (let index = sender; index < mails; index += senders) {
            const from = `intake.${run}.${mode === 'one at a time' ? 'single' : senders}.${index}@example.org`;
            const info = await smtp.sendMail({ from, to: 'support@desk.example.com', subject: `Intake ${senders}/${index}`, text: `Mail ${index} of ${mails}.` });
            const key = /Queued as (\S+)/.exec(info.response)?.[1] ?? '';
            accepted.set(key, performance.now());
            keys.push({ from, key });
            if (mode === 'one at a time') {
              while (!committed.has(key)) await new Promise((resolve) => setTimeout(resolve, 2));
              await runtime.settle();
            }
          }
          smtp.close();
        }),
      );
      const deadline = Date.now() + 120_000;
      while (keys.some(({ key }) => !committed.has(key)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      const finished = Math.max(...keys.map(({ key }) => committed.get(key) ?? performance.now()));
      const seconds = (finished - started) / 1000;
      await runtime.settle();
      // Every mail must be exactly one ticket: read each requester's tickets back through the API.
      let tickets = 0;
      let lost = 0;
      let duplicates = 0;
      for (const { from } of keys) {
        const { json } = await runtime.call('GET', `/tickets?requester=${encodeURIComponent(from)}&status=all`, admin);
        const count = (json.items as unknown[]).length;
        tickets += count;
        if (count === 0) lost += 1;
        if (count > 1) duplicates += count - 1;
      }
      const samples = keys.filter(({ key }) => committed.has(key)).map(({ key }) => committed.get(key)! - accepted.get(key)!);
      levels.push({
        mode,
        senders,
        mails,
        seconds: round(seconds, 2),
        mailsPerSecond: round(mails / seconds, 1),
        tickets,
        lost,
        duplicates,
        deadLetters: runtime.sideEffects.smtp.deadLetters().length - deadLettersBefore,
        latency: distribution(samples),
        samples: samples.map((ms) => Math.round(ms * 10) / 10),
      });
    }
  } finally {
    stopListening();
  }
  return { levels };
}
