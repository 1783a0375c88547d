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

  it.each(['mailgun-flanker/bounce/gmail-invalid-address.eml', 'sisimai-set-of-emails/bsd/lhost-exim-01.eml', 'sisimai-set-of-emails/bsd/lhost-gmail-01.eml', 'sisimai-set-of-emails/bsd/lhost-qmail-01.eml'])(
    'recognises the plain-text bounce %s by its mailer-daemon sender',
    async (path) => {
      expect(await classifyFixture(path)).toEqual({ automatic: true, kind: 'bounce', reason: 'From: mailer-daemon' });
    },
  );

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

  it.each([
    'Autocad licence expired',
    'Auto-renewal of the Adobe licence',
    'Automatic reply rules in Outlook do not work',
    'Out of office coverage for the help desk',
    'Abwesenheit im Kalender eintragen geht nicht',
    'Réponse automatique ne fonctionne pas dans Outlook',
    'Re: Autoreply settings',
    'Vacation request for May',
  ])('opens a ticket for the subject %j, which only begins with the words', (subject) => {
    expect(classifyAutomatic({ ...withHeaders('jane@example.org', {}), subject, text: 'Please help.' })).toEqual({ automatic: false });
  });

  it.each([
    'The website asks me to confirm I am human and then shows an error.',
    'Please confirm you received my laptop; I need the loan form signed.',
    'Our spam filter holds mail from the supplier; can you release it?',
  ])('opens a ticket for a person writing about confirmations: %j', (text) => {
    expect(classifyAutomatic({ ...withHeaders('jane@example.org', {}), subject: 'Help', text })).toEqual({ automatic: false });
  });
});

describe('classifyAutomatic: automatic-reply subjects', () => {
  it.each([
    ['AUTO: Jane Doe is out of the office (returning 09.03.2026)', 'AUTO:'],
    ['Automatic reply: [SD-7] Printer jams', 'Automatic reply:'],
    ['Auto-Reply: Laptop slow', 'Auto-Reply:'],
    ['Autoreply: Laptop slow', 'Autoreply:'],
    ['Auto Response: your mail', 'Auto Response:'],
    ['Out of Office: Laptop slow', 'Out of Office:'],
    ['Out of Office AutoReply: Laptop slow', 'Out of Office AutoReply:'],
    ['Out of Office', 'Out of Office'],
    ['Automatische Antwort: Drucker', 'Automatische Antwort:'],
    ['Abwesenheitsnotiz: Drucker', 'Abwesenheitsnotiz:'],
    ['Réponse automatique : Imprimante', 'Réponse automatique :'],
    ["Réponse automatique d'absence du bureau : Imprimante", "Réponse automatique d'absence du bureau :"],
    ['Absence du bureau', 'Absence du bureau'],
    ['Respuesta automática: Impresora', 'Respuesta automática:'],
    ['Fuera de la oficina: Impresora', 'Fuera de la oficina:'],
    ['Resposta automática: Impressora', 'Resposta automática:'],
    ['Risposta automatica: Stampante', 'Risposta automatica:'],
    ['Automatisch antwoord: Printer', 'Automatisch antwoord:'],
    ['Automatiskt svar: Skrivare', 'Automatiskt svar:'],
    ['Automatisk svar: Printer', 'Automatisk svar:'],
    ['Automaattinen vastaus: Tulostin', 'Automaattinen vastaus:'],
    ['Automatyczna odpowiedź: Drukarka', 'Automatyczna odpowiedź:'],
    ['Automatická odpověď: Tiskárna', 'Automatická odpověď:'],
    ['Automatikus válasz: Nyomtató', 'Automatikus válasz:'],
    ['Автоматический ответ: Принтер', 'Автоматический ответ:'],
    ['Αυτόματη απάντηση: Εκτυπωτής', 'Αυτόματη απάντηση:'],
    ['Otomatik yanıt: Yazıcı', 'Otomatik yanıt:'],
    ['自動応答: プリンター', '自動応答:'],
    ['【自動返信】プリンター', '【自動返信】'],
    ['自动回复：打印机', '自动回复：'],
    ['자동 회신: 프린터', '자동 회신:'],
  ])('recognises the automatic-reply subject %j with no automatic headers', (subject, prefix) => {
    expect(classifyAutomatic({ ...withHeaders('jane@example.org', {}), subject, text: 'I am away.' })).toEqual({
      automatic: true,
      kind: 'auto_reply',
      reason: `Subject: automatic reply (${prefix})`,
    });
  });
});

describe('classifyAutomatic: challenge-response filters', () => {
  const challenge = (mail: { headers?: Record<string, string>; from?: string; subject?: string; text?: string }): ClassifiableMail => ({
    ...withHeaders(mail.from ?? 'jane@example.org', mail.headers ?? {}),
    subject: mail.subject ?? 'Re: Your ticket',
    text: mail.text ?? 'Hello.',
  });

  it.each(['X-Challenge', 'X-Challenge-Response', 'X-Spam-Challenge', 'X-CR-Challenge', 'X-Boxbe-Challenge'])('recognises the challenge header %s', (name) => {
    expect(classifyAutomatic(challenge({ headers: { [name]: 'yes' } }))).toEqual({ automatic: true, kind: 'auto_reply', reason: `${name.replace('CR', 'Cr')} present` });
  });

  it("recognises TMDA's X-Delivery-Agent", () => {
    expect(classifyAutomatic(challenge({ headers: { 'X-Delivery-Agent': 'TMDA/1.1.12 (Macallan)' } }))).toMatchObject({ automatic: true, reason: 'X-Delivery-Agent: TMDA' });
  });

  it("recognises TMDA's tagged confirmation address", () => {
    expect(classifyAutomatic(challenge({ from: 'jane-confirm-1772528400.12345.4f3a9c@example.org' }))).toMatchObject({
      automatic: true,
      reason: 'From: confirmation address of a challenge-response filter',
    });
  });

  it.each(['verify@spamarrest.com', 'guestlist@boxbe.com', 'challenge@mailinblack.com', 'no-answer@mx.sendio.com', 'c@choicemail.com'])('recognises the challenge service sender %s', (from) => {
    expect(classifyAutomatic(challenge({ from }))).toMatchObject({ automatic: true, kind: 'auto_reply' });
  });

  it.each([
    ['please confirm you are human', 'Hi, I use a filter. Please confirm that you are a human by clicking the link below.'],
    ['verify you are not a robot', 'To get your mail through, verify you are not a robot: https://cr.example.net/v/123'],
    ['confirm your message to have it delivered', 'Please confirm your message by replying to this mail; it will then be delivered.'],
    ["TMDA's release request", 'To release your message for delivery, please reply to this confirmation request.'],
    ['French (Mailinblack style)', 'Merci de confirmer que vous êtes un humain en cliquant sur le lien.'],
    ['French robot', "Pour prouver que vous n'êtes pas un robot, cliquez ici."],
    ['German', 'Bitte bestätigen Sie, dass Sie ein Mensch sind.'],
    ['Spanish', 'Por favor confirme que usted es un humano.'],
  ])('recognises the challenge text: %s', (_pattern, text) => {
    expect(classifyAutomatic(challenge({ text }))).toEqual({ automatic: true, kind: 'auto_reply', reason: 'Text: challenge-response request to confirm the sender' });
  });

  it('recognises a challenge in the subject', () => {
    expect(classifyAutomatic(challenge({ subject: 'Please verify that you are human', text: 'Click the link.' }))).toMatchObject({ automatic: true });
  });
});
