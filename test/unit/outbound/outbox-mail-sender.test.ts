import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRuntimeError } from '../../../local/local-runtime-error.ts';
import { startLocalSes, type LocalSes } from '../../../local/local-ses.ts';
import { OutboxMailSender } from '../../../local/outbox-mail-sender.ts';
import { findFreePort } from '../../../local/port-check.ts';
import { composeOutboundMail } from '../../../shared/email/outbound-message.ts';

describe('OutboxMailSender with a real local SES', () => {
  let ses: LocalSes;
  let outboxDir: string;

  beforeAll(async () => {
    ses = await startLocalSes({ port: await findFreePort() });
    outboxDir = await mkdtemp(join(tmpdir(), 'outbox-'));
  });

  afterAll(async () => {
    await ses?.close();
    if (outboxDir) await rm(outboxDir, { recursive: true, force: true });
  });

  it('sends through local SES and keeps the message, with the Message-ID SES sets, in the outbox', async () => {
    const raw = await composeOutboundMail({
      from: { address: 'support@desk.example.com', name: 'IT Service Desk' },
      to: ['jane@example.org'],
      subject: '[SD-7] Printer on floor 3 jams',
      text: 'We have received your request.',
      html: '<p>We have received your request.</p>',
      inReplyTo: '<original@mail.example.org>',
      references: ['<original@mail.example.org>'],
      messageId: '<placeholder@desk.example.com>',
    });
    const sender = new OutboxMailSender({ sesEndpoint: ses.url, outboxDir: join(outboxDir, 'outbox') });

    const { messageId } = await sender.send(raw, { from: 'support@desk.example.com', to: ['jane@example.org'] });

    expect(messageId).toMatch(/^<[^<>@\s]+@email\.amazonses\.com>$/);
    const files = await readdir(join(outboxDir, 'outbox'));
    expect(files).toHaveLength(1);
    const sesMessageId = messageId.slice(1, messageId.indexOf('@'));
    expect(files[0]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z-${sesMessageId}\\.eml$`));
    const parsed = await simpleParser(await readFile(join(outboxDir, 'outbox', files[0] ?? '')));
    expect(parsed.messageId).toBe(messageId);
    expect(parsed.inReplyTo).toBe('<original@mail.example.org>');
    expect(parsed.references).toBe('<original@mail.example.org>');
    expect(parsed.subject).toBe('[SD-7] Printer on floor 3 jams');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');

    // The viewer's store has it under the same MessageId.
    const store = (await (await fetch(`${ses.url}/store`)).json()) as { emails: { messageId: string; subject: string }[] };
    expect(store.emails).toContainEqual(expect.objectContaining({ messageId: sesMessageId, subject: '[SD-7] Printer on floor 3 jams' }));
  });
});

describe('startLocalSes', () => {
  it('serves the viewer and closes', async () => {
    const ses = await startLocalSes({ port: await findFreePort() });
    const response = await fetch(ses.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<html');
    await ses.close();
    await expect(fetch(ses.url)).rejects.toThrow();
  });

  it('says which port is taken and how to choose another', async () => {
    const port = await findFreePort();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen({ port, host: '127.0.0.1' }, resolve));
    try {
      const started = startLocalSes({ port });
      await expect(started).rejects.toThrow(LocalRuntimeError);
      await expect(started).rejects.toThrow(new RegExp(`Port ${port} is already in use.*SES_PORT`));
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
