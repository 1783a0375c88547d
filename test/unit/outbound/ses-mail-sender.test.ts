import { SendRawEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { SesMailSender, sesMessageIdDomain, sesMessageIdHeader } from '../../../shared/adapters/ses/ses-mail-sender.ts';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const raw = Buffer.from('From: support@desk.example.com\r\nTo: jane@example.org\r\nSubject: hi\r\n\r\nhello\r\n');

describe('SesMailSender', () => {
  const ses = mockClient(SESClient);
  afterEach(() => ses.reset());

  it('sends the raw message with the envelope as Source and Destinations', async () => {
    ses.on(SendRawEmailCommand).resolves({ MessageId: '0100abc-def-000000' });
    const sender = new SesMailSender(new SESClient({ region: 'eu-west-1', credentials }));
    await sender.send(raw, { from: 'bounces@desk.example.com', to: ['jane@example.org', 'bob@example.org'] });
    const calls = ses.commandCalls(SendRawEmailCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      RawMessage: { Data: raw },
      Source: 'bounces@desk.example.com',
      Destinations: ['jane@example.org', 'bob@example.org'],
    });
  });

  it('leaves Source out when there is no envelope sender, so SES uses the From header', async () => {
    ses.on(SendRawEmailCommand).resolves({ MessageId: 'm' });
    await new SesMailSender(new SESClient({ region: 'eu-west-1', credentials })).send(raw, { from: '', to: ['jane@example.org'] });
    expect(ses.commandCalls(SendRawEmailCommand)[0]?.args[0].input).not.toHaveProperty('Source');
  });

  it('reports the Message-ID SES writes in eu-west-1', async () => {
    ses.on(SendRawEmailCommand).resolves({ MessageId: '0100abc-def-000000' });
    const sender = new SesMailSender(new SESClient({ region: 'eu-west-1', credentials }));
    expect(await sender.send(raw, { from: 'a@x', to: ['b@x'] })).toEqual({ messageId: '<0100abc-def-000000@eu-west-1.amazonses.com>' });
  });

  it('reports the Message-ID SES writes in us-east-1, on email.amazonses.com', async () => {
    ses.on(SendRawEmailCommand).resolvesOnce({ MessageId: 'first' }).resolves({ MessageId: '0100abc-def-000000' });
    const sender = new SesMailSender(new SESClient({ region: 'us-east-1', credentials }));
    expect(await sender.send(raw, { from: 'a@x', to: ['b@x'] })).toEqual({ messageId: '<first@email.amazonses.com>' });
    expect(await sender.send(raw, { from: 'a@x', to: ['b@x'] })).toEqual({ messageId: '<0100abc-def-000000@email.amazonses.com>' });
  });

  it('fails when SES returns no MessageId, since nothing could thread on the reply', async () => {
    ses.on(SendRawEmailCommand).resolves({});
    const sender = new SesMailSender(new SESClient({ region: 'eu-west-1', credentials }));
    await expect(sender.send(raw, { from: 'a@x', to: ['b@x'] })).rejects.toThrow(/no MessageId/);
  });

  it('passes SES errors through', async () => {
    ses.on(SendRawEmailCommand).rejects(new Error('MessageRejected: Email address is not verified'));
    const sender = new SesMailSender(new SESClient({ region: 'eu-west-1', credentials }));
    await expect(sender.send(raw, { from: 'a@x', to: ['b@x'] })).rejects.toThrow(/not verified/);
  });
});

describe('sesMessageIdDomain', () => {
  it('uses email.amazonses.com in us-east-1 and the region elsewhere', () => {
    expect(sesMessageIdDomain('us-east-1')).toBe('email.amazonses.com');
    expect(sesMessageIdDomain('eu-west-1')).toBe('eu-west-1.amazonses.com');
    expect(sesMessageIdHeader('x', 'us-west-2')).toBe('<x@us-west-2.amazonses.com>');
  });
});
