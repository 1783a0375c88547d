import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeOutboundMail, InvalidOutboundHeaderError, stripLineBreaks, withMessageId, type OutboundMailInput } from '../../../shared/email/outbound-message.ts';

const base: OutboundMailInput = {
  from: { address: 'support@desk.example.com', name: 'IT Service Desk' },
  to: ['jane@example.org'],
  cc: ['bob@example.org'],
  replyTo: 'support+sd-7.abc123@desk.example.com',
  subject: '[SD-7] Printer on floor 3 jams',
  text: 'A technician is on the way.',
  html: '<p>A technician is on the way.</p>',
  inReplyTo: '<original@mail.example.org>',
  references: ['<first@mail.example.org>', '<original@mail.example.org>'],
  messageId: '<placeholder-1@desk.example.com>',
};

/** The raw header section, as a mail client receives it. */
function headerSection(raw: Buffer): string {
  const text = raw.toString('latin1');
  return text.slice(0, text.indexOf('\r\n\r\n'));
}

/** Unfolded header lines, so a header's name is always at the start of a line. */
function headerNames(raw: Buffer): string[] {
  return headerSection(raw)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')
    .map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
}

describe('composeOutboundMail', () => {
  it('writes the threading, addressing and auto-response headers', async () => {
    const parsed = await simpleParser(await composeOutboundMail(base));
    expect(parsed.messageId).toBe('<placeholder-1@desk.example.com>');
    expect(parsed.inReplyTo).toBe('<original@mail.example.org>');
    expect(parsed.references).toEqual(['<first@mail.example.org>', '<original@mail.example.org>']);
    expect(parsed.replyTo?.value).toEqual([{ address: 'support+sd-7.abc123@desk.example.com', name: '' }]);
    expect(parsed.from?.value).toEqual([{ address: 'support@desk.example.com', name: 'IT Service Desk' }]);
    expect(parsed.subject).toBe('[SD-7] Printer on floor 3 jams');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.headers.get('x-auto-response-suppress')).toBe('All');
  });

  it('sends text and HTML as multipart/alternative', async () => {
    const raw = await composeOutboundMail(base);
    const parsed = await simpleParser(raw);
    expect((parsed.headers.get('content-type') as { value: string }).value).toBe('multipart/alternative');
    expect(parsed.text?.trim()).toBe('A technician is on the way.');
    expect(parsed.html).toBe('<p>A technician is on the way.</p>');
  });

  it('sends text alone as text/plain, without threading headers when there is no thread', async () => {
    const { html: _html, inReplyTo: _inReplyTo, references: _references, cc: _cc, replyTo: _replyTo, ...rest } = base;
    const raw = await composeOutboundMail(rest);
    const parsed = await simpleParser(raw);
    expect((parsed.headers.get('content-type') as { value: string }).value).toBe('text/plain');
    expect(headerNames(raw)).not.toContain('in-reply-to');
    expect(headerNames(raw)).not.toContain('references');
    expect(headerNames(raw)).not.toContain('cc');
  });

  it('keeps a non-ASCII subject and display name intact', async () => {
    const parsed = await simpleParser(await composeOutboundMail({ ...base, subject: '[SD-7] Drucker läuft nicht – 打印机', from: { address: 'support@desk.example.com', name: 'Service Desk Zürich' } }));
    expect(parsed.subject).toBe('[SD-7] Drucker läuft nicht – 打印机');
    expect(parsed.from?.value[0]?.name).toBe('Service Desk Zürich');
  });

  it('cannot be made to add a header through the subject or the display name', async () => {
    const raw = await composeOutboundMail({
      ...base,
      subject: 'Hello\r\nBcc: victim@example.net\r\n\r\nInjected body',
      from: { address: 'support@desk.example.com', name: 'Desk\r\nX-Injected: yes\nBcc: other@example.net' },
    });
    const names = headerNames(raw);
    expect(names).not.toContain('bcc');
    expect(names).not.toContain('x-injected');
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Hello Bcc: victim@example.net Injected body');
    expect(parsed.from?.value[0]?.name).toBe('Desk X-Injected: yes Bcc: other@example.net');
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.text?.trim()).toBe('A technician is on the way.');
  });

  it('writes the subject and display name without controls, bidi overrides or zero-width characters', async () => {
    const raw = await composeOutboundMail({
      ...base,
      subject: '[SD-7] invoice\u202etxt.exe\u2028now\u0007 \u200b\u{1f469}\u200d\u{1f4bb}',
      from: { address: 'support@desk.example.com', name: 'IT\u2066 Desk\u0000\u2029Bcc: x@example.net' },
    });
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('[SD-7] invoicetxt.exe now \u{1f469}\u200d\u{1f4bb}');
    expect(parsed.from?.value[0]?.name).toBe('IT Desk Bcc: x@example.net');
  });

  it('cannot be made to add a header through a custom header value, In-Reply-To or References', async () => {
    const raw = await composeOutboundMail({
      ...base,
      inReplyTo: '<a@x>\r\nBcc: one@example.net',
      references: ['<b@x>\r\nX-Injected: yes'],
      headers: { 'X-Ticket': 'SD-7\r\nBcc: two@example.net' },
    });
    const names = headerNames(raw);
    expect(names).not.toContain('bcc');
    expect(names).not.toContain('x-injected');
    expect((await simpleParser(raw)).headers.get('x-ticket')).toBe('SD-7Bcc: two@example.net');
  });

  it('adds custom headers but never lets them drop the auto-response headers or replace structural ones', async () => {
    const parsed = await simpleParser(await composeOutboundMail({ ...base, headers: { 'X-Ticket': 'SD-7' } }));
    expect(parsed.headers.get('x-ticket')).toBe('SD-7');
    await expect(composeOutboundMail({ ...base, headers: { 'auto-submitted': 'no' } })).rejects.toThrow(InvalidOutboundHeaderError);
    await expect(composeOutboundMail({ ...base, headers: { Bcc: 'x@example.net' } })).rejects.toThrow(InvalidOutboundHeaderError);
    await expect(composeOutboundMail({ ...base, headers: { 'X-Bad: yes': 'x' } })).rejects.toThrow(InvalidOutboundHeaderError);
  });
});

describe('stripLineBreaks', () => {
  it('removes CR and LF and nothing else', () => {
    expect(stripLineBreaks('a\r\nb\rc\nd\te')).toBe('abcd\te');
  });
});

describe('withMessageId', () => {
  it('replaces the Message-ID header and leaves every other byte alone', async () => {
    const raw = await composeOutboundMail(base);
    const replaced = withMessageId(raw, '<0100abc@email.amazonses.com>');
    const parsed = await simpleParser(replaced);
    expect(parsed.messageId).toBe('<0100abc@email.amazonses.com>');
    expect(replaced.toString('latin1').replace('<0100abc@email.amazonses.com>', '<placeholder-1@desk.example.com>')).toBe(raw.toString('latin1'));
  });

  it('replaces a folded Message-ID and adds one when there is none', async () => {
    const folded = Buffer.from('Subject: x\r\nmessage-id:\r\n <old@x>\r\nTo: a@x\r\n\r\nMessage-ID: <in-body@x>\r\n');
    expect(withMessageId(folded, '<new@y>').toString()).toBe('Subject: x\r\nMessage-ID: <new@y>\r\nTo: a@x\r\n\r\nMessage-ID: <in-body@x>\r\n');
    expect(withMessageId(Buffer.from('Subject: x\r\n\r\nbody'), '<new@y>').toString()).toBe('Message-ID: <new@y>\r\nSubject: x\r\n\r\nbody');
  });
});
