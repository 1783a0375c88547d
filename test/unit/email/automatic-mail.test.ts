import { describe, expect, it } from 'vitest';
import { classifyAutomatic, type ClassifiableMail } from '../../../shared/email/automatic-mail.ts';
import { parseInboundMail } from '../../../shared/email/inbound-mail.ts';
import { fixture } from './email-fixtures.ts';

async function classifyFixture(path: string) {
  return classifyAutomatic(await parseInboundMail(fixture(path)));
}

function withHeaders(from: string, headers: Record<string, string>, contentType = 'text/plain'): ClassifiableMail {
  return {
    from: { address: from },
    headers: Object.entries(headers).map(([name, value]) => ({ name: name.toLowerCase(), value })),
    contentType: { value: contentType, params: {} },
  };
}

describe('classifyAutomatic: bounces', () => {
  it.each([
    'mailgun-flanker/bounce/delayed.eml',
    'mailgun-flanker/bounce/mailbox-full.eml',
    'mailgun-flanker/bounce/no-mx.eml',
    'mailgun-flanker/bounce/office365.eml',
    'mailgun-flanker/bounce/zed.eml',
    'mikel-mail/multipart_report_emails/multi_address_bounce1.eml',
    'mikel-mail/multipart_report_emails/multipart_report_multiple_status.eml',
    'mikel-mail/multipart_report_emails/report_422.eml',
    'nodemailer-mailparser/delivery-status.eml',
    'sisimai-set-of-emails/bsd/lhost-amazonses-01.eml',
    'sisimai-set-of-emails/bsd/lhost-exchange2007-01.eml',
    'sisimai-set-of-emails/bsd/lhost-office365-01.eml',
    'sisimai-set-of-emails/bsd/lhost-outlook-01.eml',
    'sisimai-set-of-emails/bsd/lhost-postfix-01.eml',
    'sisimai-set-of-emails/bsd/lhost-sendmail-01.eml',
    'webklex-php-imap/example_bounce.eml',
  ])('recognises the delivery status notification %s', async (path) => {
    expect(await classifyFixture(path)).toEqual({
      automatic: true,
      kind: 'bounce',
      reason: 'Content-Type: multipart/report; report-type=delivery-status',
    });
  });

  it.each([
    'mailgun-flanker/bounce/gmail-invalid-address.eml',
    'sisimai-set-of-emails/bsd/lhost-exim-01.eml',
    'sisimai-set-of-emails/bsd/lhost-gmail-01.eml',
    'sisimai-set-of-emails/bsd/lhost-qmail-01.eml',
  ])('recognises the plain-text bounce %s by its mailer-daemon sender', async (path) => {
    expect(await classifyFixture(path)).toEqual({ automatic: true, kind: 'bounce', reason: 'From: mailer-daemon' });
  });

  it('treats an abuse report (ARF) as a bounce', async () => {
    expect(await classifyFixture('mailgun-flanker/complaints/aol.eml')).toMatchObject({ automatic: true, kind: 'bounce' });
  });

  it('treats a read receipt (MDN) as an automatic reply', async () => {
    expect(await classifyFixture('mailgun-flanker/disposition-notification.eml')).toEqual({
      automatic: true,
      kind: 'auto_reply',
      reason: 'Content-Type: multipart/report; report-type=disposition-notification',
    });
  });

  it('recognises postmaster senders, X-Failed-Recipients and the null sender', () => {
    expect(classifyAutomatic(withHeaders('Postmaster@example.org', {}))).toMatchObject({ kind: 'bounce', reason: 'From: postmaster' });
    expect(classifyAutomatic(withHeaders('relay@example.org', { 'X-Failed-Recipients': 'jane@example.org' }))).toMatchObject({ kind: 'bounce' });
    expect(classifyAutomatic(withHeaders('relay@example.org', { 'Return-Path': '<>' }))).toEqual({
      automatic: true,
      kind: 'bounce',
      reason: 'Return-Path: <> (null sender)',
    });
  });
});

describe('classifyAutomatic: auto-replies', () => {
  it.each([
    ['sisimai-set-of-emails/bsd/rfc3834-01.eml', 'Auto-Submitted: auto-replied'],
    ['sisimai-set-of-emails/bsd/rfc3834-02.eml', 'X-Auto-Response-Suppress: All'],
    ['sisimai-set-of-emails/bsd/rfc3834-03.eml', 'X-Apple-Action: VACATION'],
    ['sisimai-set-of-emails/bsd/rfc3834-04.eml', 'X-Auto-Response-Suppress: All'],
    ['sisimai-set-of-emails/bsd/rfc3834-05.eml', 'Auto-Submitted: auto-replied'],
    ['sisimai-set-of-emails/bsd/rfc3834-06.eml', 'Auto-Submitted: auto-replied'],
  ])('recognises the out-of-office reply %s (%s)', async (path, reason) => {
    expect(await classifyFixture(path)).toEqual({ automatic: true, kind: 'auto_reply', reason });
  });

  it.each([
    [{ 'Auto-Submitted': 'auto-generated' }, 'Auto-Submitted: auto-generated'],
    [{ 'Auto-Submitted': 'Auto-Replied (vacation)' }, 'Auto-Submitted: auto-replied'],
    [{ 'X-Autoreply': 'yes' }, 'X-Autoreply present'],
    [{ 'X-Autorespond': 'Out of office' }, 'X-Autorespond present'],
    [{ 'X-Auto-Response-Suppress': 'DR, OOF' }, 'X-Auto-Response-Suppress: OOF'],
    [{ Precedence: 'bulk' }, 'Precedence: bulk'],
    [{ Precedence: 'junk' }, 'Precedence: junk'],
  ])('recognises %j', (headers, reason) => {
    expect(classifyAutomatic(withHeaders('jane@example.org', headers))).toEqual({ automatic: true, kind: 'auto_reply', reason });
  });

  it.each(['noreply@example.org', 'no-reply@example.org', 'No_Reply@example.org', 'donotreply@example.org', 'do-not-reply@example.org', 'mail-noreply@google.com', 'noreply+abc@example.org'])(
    'treats the no-reply sender %s as automatic',
    (address) => {
      expect(classifyAutomatic(withHeaders(address, {}))).toMatchObject({ automatic: true, kind: 'auto_reply' });
    },
  );

  it('finds a no-reply sender in a real notification', async () => {
    expect(await classifyFixture('mikel-mail/error_emails/encoding_madness.eml')).toMatchObject({ automatic: true, reason: 'From: no-reply sender (no-reply)' });
  });
});

describe('classifyAutomatic: mailing lists', () => {
  it('recognises List-Id, List-Unsubscribe and Precedence: list', () => {
    expect(classifyAutomatic(withHeaders('jane@example.org', { 'List-Id': '<users.lists.example.org>' }))).toEqual({ automatic: true, kind: 'list', reason: 'List-Id present' });
    expect(classifyAutomatic(withHeaders('jane@example.org', { 'List-Unsubscribe': '<mailto:u@example.org>' }))).toMatchObject({ kind: 'list' });
    expect(classifyAutomatic(withHeaders('jane@example.org', { Precedence: 'list' }))).toMatchObject({ kind: 'list' });
  });

  it('classifies a GitHub notification as list traffic', async () => {
    expect(await classifyFixture('webklex-php-imap/1366671050@github.com.eml')).toMatchObject({ automatic: true, kind: 'list' });
  });
});

describe('classifyAutomatic: mail written by people', () => {
  it.each([
    'mailgun-flanker/bilingual-simple.eml',
    'mailgun-flanker/iphone.eml',
    'mailgun-flanker/enclosed.eml',
    'mailgun-talon/standard_replies/android.eml',
    'mailgun-talon/standard_replies/apple_mail.eml',
    'mailgun-talon/standard_replies/gmail.eml',
    'mailgun-talon/standard_replies/hotmail.eml',
    'mailgun-talon/standard_replies/outlook.eml',
    'mailgun-talon/standard_replies/thunderbird.eml',
    'mailgun-talon/standard_replies/yahoo.eml',
    'mikel-mail/plain_emails/raw_email_reply.eml',
    'mikel-mail/multi_charset/japanese_shift_jis.eml',
    'sisimai-set-of-emails/not/is-not-bounce-01.eml',
    'webklex-php-imap/issue-412.eml',
    'webklex-php-imap/thread_re_my_topic.eml',
  ])('does not flag %s', async (path) => {
    expect(await classifyFixture(path)).toEqual({ automatic: false });
  });

  it('accepts Auto-Submitted: no and an ordinary Return-Path', () => {
    expect(classifyAutomatic(withHeaders('jane@example.org', { 'Auto-Submitted': 'no', 'Return-Path': '<jane@example.org>' }))).toEqual({ automatic: false });
  });

  it('does not mistake names that merely contain the words for automatic senders', () => {
    for (const address of ['noreen@example.org', 'replyall@example.org', 'postmaster.jane@example.org', 'daemon@example.org']) {
      expect(classifyAutomatic(withHeaders(address, {}))).toEqual({ automatic: false });
    }
  });

  it('does not read the subject: a person may write "Automatic reply"', () => {
    const mail = withHeaders('jane@example.org', { Subject: 'Automatic reply: out of office does not work' });
    expect(classifyAutomatic(mail)).toEqual({ automatic: false });
  });
});
