import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { MISSING_SENDER_REASON, parseInboundMail } from '../../../shared/email/inbound-mail.ts';
import { InvalidMailError } from '../../../shared/email/invalid-mail-error.ts';
import { uuencode } from '../../support/uuencode.ts';
import { activeContentIn, XSS_PAYLOADS } from '../../support/xss-payloads.ts';
import { fixture, fixturePaths } from './email-fixtures.ts';

const NO_FROM_FIXTURE = 'webklex-php-imap/references.eml';

/** Why the intake refuses this mail: the parser's own reason, or the missing sender's when it found no usable From. */
async function invalidReason(raw: Buffer): Promise<string> {
  const parsed = await parseInboundMail(raw).then(
    (mail) => mail,
    (caught: unknown) => caught,
  );
  if (parsed instanceof InvalidMailError) return parsed.reason;
  expect((parsed as { from?: unknown }).from).toBeUndefined();
  return MISSING_SENDER_REASON;
}

function mail(lines: string[]): Buffer {
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

describe('parseInboundMail over the real-world corpus', () => {
  const paths = fixturePaths('.eml').filter((path) => path !== NO_FROM_FIXTURE);

  it.each(paths)('parses %s into a mail with a usable sender', async (path) => {
    const parsed = await parseInboundMail(fixture(path));
    expect(parsed.from!.address).toMatch(/^[^\s@]+@[^\s@]+$/);
    expect(parsed.from!.address).toBe(parsed.from!.address.toLowerCase());
    expect(parsed.text).not.toMatch(/\0/);
    expect(parsed.headers.length).toBeGreaterThan(0);
  });

  it('refuses a message whose From is not an address, naming the header', async () => {
    expect(await invalidReason(fixture(NO_FROM_FIXTURE))).toBe('From: missing or not an address');
  });

  it('keeps the fixtures byte for byte, CRLF line endings included', () => {
    expect(fixture('mikel-mail/plain_emails/raw_email_reply.eml').includes('\r\n')).toBe(true);
    expect(fixture('github-email_reply_parser/email_1_7.txt').includes('\r\n')).toBe(true);
    // Shift_JIS bytes that are not valid UTF-8 must survive checkout unchanged.
    expect(fixture('mikel-mail/multi_charset/japanese_shift_jis.eml').toString('utf8')).toContain('\uFFFD');
  });
});

describe('threading headers', () => {
  it('reads Message-ID, In-Reply-To and References in their <id> form, oldest reference first', async () => {
    const parsed = await parseInboundMail(fixture('mikel-mail/plain_emails/raw_email_reply.eml'));
    expect(parsed.messageId).toBe('<473FFE27.20003@xxx.org>');
    expect(parsed.inReplyTo).toBe('<348F04F142D69C21-291E56D292BC@xxxx.net>');
    expect(parsed.references).toEqual(['<473FF3B8.9020707@xxx.org>', '<348F04F142D69C21-291E56D292BC@xxxx.net>']);
  });

  it('reads folded ids of a Hotmail reply', async () => {
    const parsed = await parseInboundMail(fixture('webklex-php-imap/issue-412.eml'));
    expect(parsed.messageId).toBe('<PAXP193MB2364F1160B9E7C559D7D897ABB489@PAXP193MB2364.EURP193.PROD.OUTLOOK.COM>');
    expect(parsed.references).toEqual(['<PAXP193MB236463D7319FE32F29EB5FF1BB469@PAXP193MB2364.EURP193.PROD.OUTLOOK.COM>', '<944a7d16fcb607628f358cdd0f5ba8c0@tonymarston.co.uk>']);
  });

  it('treats an empty In-Reply-To as absent', async () => {
    const parsed = await parseInboundMail(fixture('mikel-mail/error_emails/empty_in_reply_to.eml'));
    expect(parsed.inReplyTo).toBeUndefined();
    expect(parsed.references).toEqual([]);
  });

  it('joins repeated References headers and skips a broken id', async () => {
    const parsed = await parseInboundMail(fixture('mikel-mail/error_emails/multiple_references_with_one_invalid.eml'));
    expect(parsed.references).toEqual(['<foo@bar.net>', '<baz@bar.net>']);
  });
});

describe('addresses', () => {
  it('lower-cases the sender address and keeps the decoded name', async () => {
    const parsed = await parseInboundMail(fixture('mailgun-flanker/bounce/delayed.eml'));
    expect(parsed.from).toEqual({ address: 'mailer-daemon@cs.example.com', name: 'Mail Delivery Subsystem' });
  });

  it('reads UTF-8 headers (RFC 6532)', async () => {
    const parsed = await parseInboundMail(fixture('mikel-mail/rfc6532/utf8_headers.eml'));
    expect(parsed.from).toEqual({ address: 'jdöe@mächine.example', name: 'Jöhn Doe' });
    expect(parsed.subject).toBe('Säying Hello');
  });

  it('reads Reply-To, To and Cc, skipping entries that are not addresses', async () => {
    const parsed = await parseInboundMail(
      mail([
        'From: Jane <Jane@Example.org>',
        'Reply-To: Desk Team <team@example.org>',
        'To: support@desk.example.com, Undisclosed recipients:;',
        'Cc: "Bob" <BOB@example.org>, No-address',
        'Subject: Printer',
        '',
        'Hello',
      ]),
    );
    expect(parsed.from).toEqual({ address: 'jane@example.org', name: 'Jane' });
    expect(parsed.replyTo).toEqual([{ address: 'team@example.org', name: 'Desk Team' }]);
    expect(parsed.to).toEqual([{ address: 'support@desk.example.com' }]);
    expect(parsed.cc).toEqual([{ address: 'bob@example.org', name: 'Bob' }]);
  });
});

describe('charsets', () => {
  it('decodes Shift_JIS 8-bit bodies', async () => {
    expect((await parseInboundMail(fixture('mikel-mail/multi_charset/japanese_shift_jis.eml'))).text).toContain('あいうえお');
  });

  it('decodes ISO-2022-JP subjects and bodies', async () => {
    const parsed = await parseInboundMail(fixture('mikel-mail/multi_charset/japanese_iso_2022.eml'));
    expect(parsed.subject).toBe('まみむめも');
    expect(parsed.text).toContain('すみません。');
  });

  it('decodes ks_c_5601-1987 bodies and headers', async () => {
    expect((await parseInboundMail(fixture('mikel-mail/multi_charset/ks_c_5601-1987.eml'))).text).toContain('스티해');
    expect((await parseInboundMail(fixture('webklex-php-imap/ks_c_5601-1987_headers.eml'))).from!.name).toBe('김 현진');
  });

  it('decodes a UTF-8 Russian subject and body', async () => {
    const parsed = await parseInboundMail(fixture('mailgun-flanker/bilingual-simple.eml'));
    expect(parsed.subject).toBe('Simple text. How are you? Как ты поживаешь?');
    expect(parsed.text).toContain('А эта линия по-русски.');
  });

  it('survives an unknown charset (X-IAS-German)', async () => {
    const parsed = await parseInboundMail(fixture('webklex-php-imap/undefined_charset_header.eml'));
    expect(parsed.from!.address).toBe('info@bla.bla');
    expect(parsed.subject).toBe('Submit your tax refund | Australian Taxation Office.');
  });

  it('reads a raw UTF-8 file name that is cut off mid-character', async () => {
    const parsed = await parseInboundMail(fixture('mailgun-flanker/russian-attachment-yahoo.eml'));
    const [attachment] = parsed.attachments;
    expect(attachment?.filename).toMatch(/^Картинка с очень, очень длинным/);
    expect(attachment?.filename).not.toContain('\uFFFD');
    expect(attachment?.contentType).toBe('image/png');
  });

  it('reads an 8-bit Latin-1 From header with no declared charset by detecting it', async () => {
    const raw = Buffer.concat([Buffer.from('From: M'), Buffer.from([0xfc]), Buffer.from('ller <M@Example.org>\r\nSubject: x\r\n\r\nbody')]);
    expect((await parseInboundMail(raw)).from).toEqual({ address: 'm@example.org', name: 'M\u00fcller' });
  });
});

/** A mail whose Subject, From name and attachment name are raw bytes in `charset`, the body declaring `bodyCharset`. */
function rawEightBitMail(charset: string, texts: { subject: string; name: string; file: string }, bodyCharset: string | undefined): Buffer {
  const encode = (text: string) => iconv.encode(text, charset);
  const declared = bodyCharset === undefined ? '' : `; charset=${bodyCharset}`;
  return Buffer.concat([
    Buffer.from('From: '),
    encode(texts.name),
    Buffer.from(' <sender@example.org>\r\nSubject: '),
    encode(texts.subject),
    Buffer.from(`\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain${declared}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`),
    bodyCharset === undefined ? Buffer.from('See the file.') : iconv.encode(`${texts.subject}.`, bodyCharset),
    Buffer.from('\r\n--b\r\nContent-Type: application/octet-stream; name="'),
    encode(texts.file),
    Buffer.from('"\r\nContent-Disposition: attachment; filename="'),
    encode(texts.file),
    Buffer.from('"\r\n\r\ndata\r\n--b--\r\n'),
  ]);
}

const RAW_HEADER_TEXTS = {
  'windows-1251': { subject: 'Принтер не печатает', name: 'Иван Петров', file: 'отчёт.txt' },
  'iso-8859-1': { subject: 'Drucker im Büro – Größe A4'.replace('–', '-'), name: 'Jürgen Groß', file: 'Prüfbericht.pdf' },
  gb2312: { subject: '打印机无法打印', name: '张伟', file: '报告.doc' },
  shift_jis: { subject: 'プリンターが印刷できません', name: '山田太郎', file: '報告書.xls' },
} as const;

describe('raw 8-bit headers in a legacy charset', () => {
  it.each(Object.entries(RAW_HEADER_TEXTS))('decodes a raw %s subject, display name and file name by the body charset', async (charset, texts) => {
    const parsed = await parseInboundMail(rawEightBitMail(charset, texts, charset));
    expect(parsed.subject).toBe(texts.subject);
    expect(parsed.from).toEqual({ address: 'sender@example.org', name: texts.name });
    expect(parsed.attachments.map((attachment) => attachment.filename)).toEqual([texts.file]);
    expect(parsed.text).toContain(texts.subject);
  });

  it.each(['windows-1251', 'shift_jis'] as const)('detects the charset of raw %s headers when the body declares none', async (charset) => {
    const texts = RAW_HEADER_TEXTS[charset];
    const parsed = await parseInboundMail(rawEightBitMail(charset, texts, undefined));
    expect(parsed.subject).toBe(texts.subject);
    expect(parsed.from?.name).toBe(texts.name);
    expect(parsed.attachments[0]?.filename).toBe(texts.file);
  });

  it('keeps raw UTF-8 headers as UTF-8 whatever charset the body declares', async () => {
    const raw = Buffer.concat([
      Buffer.from('From: Jürgen Groß <j@example.org>\r\nSubject: Größe – 打印机\r\nContent-Type: text/plain; charset=windows-1251\r\n\r\n', 'utf8'),
      iconv.encode('Привет', 'windows-1251'),
    ]);
    const parsed = await parseInboundMail(raw);
    expect(parsed.subject).toBe('Größe – 打印机');
    expect(parsed.from?.name).toBe('Jürgen Groß');
    expect(parsed.text).toBe('Привет');
  });

  it('leaves an encoded-word Latin-1 file name alone when the raw headers are in another charset', async () => {
    const raw = Buffer.concat([
      Buffer.from('From: a@example.org\r\nSubject: '),
      iconv.encode('Отчёт', 'windows-1251'),
      Buffer.from('\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain; charset=windows-1251\r\n\r\nx\r\n--b\r\n'),
      Buffer.from('Content-Disposition: attachment; filename="=?iso-8859-1?q?M=FCller.txt?="\r\n\r\ndata\r\n--b--\r\n'),
    ]);
    const parsed = await parseInboundMail(raw);
    expect(parsed.subject).toBe('Отчёт');
    expect(parsed.attachments[0]?.filename).toBe('Müller.txt');
  });
});

describe('bodies and attachments', () => {
  it('converts an HTML-only body to text and keeps the sanitised HTML', async () => {
    const parsed = await parseInboundMail(
      mail([
        'From: jane@example.org',
        'Subject: html',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p onclick="steal()">Printer <b>jams</b></p><script>alert(1)</script><img src="https://tracker.example/p.gif"><p><a href="javascript:alert(1)">link</a></p>',
      ]),
    );
    expect(parsed.text).toBe('Printer jams\n\nlink');
    expect(parsed.html).toBe('<p>Printer <b>jams</b></p><p><a rel="noopener noreferrer nofollow">link</a></p>');
  });

  it.each(XSS_PAYLOADS)('leaves nothing active of an HTML mail carrying %s', async (payload) => {
    // Base64, as mail clients send HTML with odd bytes: the check runs on what the part decodes to.
    const parsed = await parseInboundMail(
      mail([
        'From: jane@example.org',
        'Subject: html',
        'MIME-Version: 1.0',
        'Content-Type: multipart/alternative; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'See the HTML part.',
        '--b',
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from(`<p>Hello</p>${payload}<p>Bye</p>`).toString('base64'),
        '--b--',
      ]),
    );
    expect(parsed.html).toContain('<p>Hello</p>');
    expect(activeContentIn(parsed.html!)).toEqual([]);
  });

  it('prefers the text part of a multipart/alternative message', async () => {
    const parsed = await parseInboundMail(fixture('mailgun-talon/standard_replies/gmail.eml'));
    expect(parsed.text).toMatch(/^Hello\n\nOn Mon, Apr 2, 2012/);
    expect(parsed.html).toBeDefined();
  });

  it('lists attachments with name, type, size and content', async () => {
    const parsed = await parseInboundMail(fixture('mailgun-flanker/iphone.eml'));
    expect(parsed.attachments).toHaveLength(1);
    const [photo] = parsed.attachments;
    expect(photo).toMatchObject({ filename: 'photo.JPG', contentType: 'image/jpeg', size: 9023 });
    expect(photo?.content.length).toBe(9023);
    // JPEG magic number: the content is decoded, not base64.
    expect(photo?.content.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it('decodes RFC 2231/2047 encoded attachment names', async () => {
    const parsed = await parseInboundMail(fixture('webklex-php-imap/issue-410.eml'));
    expect(parsed.attachments[0]?.filename).toBe('☆第132号　「ガーデン&エクステリア」専門店のためのＱ&Ａサロン　【月刊エクステリア・ワーク】');
  });

  it('reads the top-level content type with its parameters', async () => {
    const parsed = await parseInboundMail(fixture('mailgun-flanker/complaints/aol.eml'));
    expect(parsed.contentType.value).toBe('multipart/report');
    expect(parsed.contentType.params['report-type']).toBe('feedback-report');
  });

  it('has no date when the Date header is missing', async () => {
    expect((await parseInboundMail(fixture('mikel-mail/rfc6532/utf8_headers.eml'))).date).toBeUndefined();
    expect((await parseInboundMail(fixture('webklex-php-imap/thread_my_topic.eml'))).date).toEqual(new Date('2017-09-13T11:05:45Z'));
  });
});

describe('hostile and broken input', () => {
  it('refuses an empty message with the From reason', async () => {
    expect(await invalidReason(Buffer.alloc(0))).toBe('From: missing or not an address');
  });

  it('refuses random bytes without throwing anything else', async () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_value, index) => (index * 7919 + 13) % 256));
    expect(await invalidReason(noise)).toBe('From: missing or not an address');
  });

  it('refuses a From header that holds only a name', async () => {
    expect(await invalidReason(mail(['From: Jane Doe', 'Subject: x', '', 'body']))).toBe('From: missing or not an address');
  });

  it('parses a truncated multipart message, keeping what arrived', async () => {
    const whole = fixture('mailgun-flanker/iphone.eml');
    const parsed = await parseInboundMail(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(parsed.from!.address).toBe('someone@somewhere.com');
    expect(parsed.text).toContain('Hello');
  });

  it('puts a subject, display name and file names that decode to CR/LF on one line', async () => {
    const parsed = await parseInboundMail(
      mail([
        'From: =?utf-8?q?Eve=0D=0ABcc=3A_victim=40attacker.example?= <eve@example.org>',
        'Subject: =?utf-8?q?Help=0D=0ABcc:_victim@attacker.example=0D=0AX-Injected:_yes?=',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'Two files.',
        '--b',
        'Content-Disposition: attachment; filename="=?utf-8?q?report=0D=0ABcc:_x.txt?="',
        '',
        'one',
        '--b',
        "Content-Disposition: attachment; filename*=utf-8''notes%0D%0AX-Injected%3A%20yes.txt",
        '',
        'two',
        '--b--',
      ]),
    );
    expect(parsed.subject).toBe('Help Bcc: victim@attacker.example X-Injected: yes');
    expect(parsed.from).toEqual({ address: 'eve@example.org', name: 'Eve Bcc: victim@attacker.example' });
    expect(parsed.attachments.map((attachment) => attachment.filename)).toEqual(['report Bcc: x.txt', 'notes X-Injected: yes.txt']);
  });

  it('keeps line breaks in the text, where they belong', async () => {
    expect((await parseInboundMail(mail(['From: a@example.org', 'Subject: x', '', 'one', 'two']))).text).toBe('one\ntwo');
  });

  it('refuses a From address longer than an SMTP path allows, naming the header', async () => {
    const local = 'a'.repeat(250);
    expect(await invalidReason(mail([`From: <${local}@example.org>`, 'Subject: x', '', 'body']))).toBe('From: missing or not an address');
    // 254 octets is still an address.
    const longest = `${'b'.repeat(254 - '@example.org'.length)}@example.org`;
    expect((await parseInboundMail(mail([`From: <${longest}>`, 'Subject: x', '', 'body']))).from!.address).toBe(longest);
  });

  it('drops NUL bytes from subject and text', async () => {
    const raw = Buffer.from('From: a@example.org\r\nSubject: Print\u0000er\r\n\r\nHel\u0000lo\r\n', 'latin1');
    const parsed = await parseInboundMail(raw);
    expect(parsed.subject).toBe('Printer');
    expect(parsed.text).toBe('Hello\n');
  });
});

describe('control and bidi characters in a mail', () => {
  it('drops the bidi override that makes \\u202etxt.exe show as exe.txt, and bidi and zero-width characters in subject, name and text', async () => {
    const encoded = (text: string) => `=?utf-8?b?${Buffer.from(text).toString('base64')}?=`;
    const parsed = await parseInboundMail(
      mail([
        `From: ${encoded('Ma\u200bllory\u2066 Admin\u2069')} <mallory@example.org>`,
        `Subject: ${encoded('Invoice\u2028attached\u202e \u0085now\u009b')}`,
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Open\u202e the file.\u2028Thanks\ufeff',
        '--b',
        `Content-Disposition: attachment; filename="${encoded('invoice\u202etxt.exe')}"`,
        '',
        'MZ',
        '--b--',
      ]),
    );
    expect(parsed.from).toEqual({ address: 'mallory@example.org', name: 'Mallory Admin' });
    expect(parsed.subject).toBe('Invoice attached now');
    expect(parsed.attachments[0]?.filename).toBe('invoicetxt.exe');
    expect(parsed.text).toBe('Open the file.\nThanks');
  });

  it('refuses a sender address disguised with a bidi override or a zero-width space', async () => {
    const encodedAddress = (address: string) => Buffer.from(`From: <${address}>\r\nSubject: x\r\n\r\nbody\r\n`, 'utf8');
    expect(await invalidReason(encodedAddress('ceo\u202e@example.org'))).toBe('From: missing or not an address');
    expect(await invalidReason(encodedAddress('c\u200beo@example.org'))).toBe('From: missing or not an address');
  });
});

describe('uuencoded files and hidden text parts', () => {
  it('takes a uuencoded file out of the text as an attachment', async () => {
    const log = Buffer.from(Array.from({ length: 400 }, (_, index) => `2026-03-03 09:00:${String(index % 60).padStart(2, '0')} ERROR disk full\n`).join(''));
    const parsed = await parseInboundMail(mail(['From: a@example.org', 'Subject: Server log', '', 'The log is below.', '', uuencode('server log.txt', log), '', 'Thanks, Ann']));
    expect(parsed.text).toBe('The log is below.\n\nThanks, Ann');
    expect(parsed.attachments).toEqual([{ filename: 'server log.txt', contentType: 'text/plain', size: log.length, content: log, inline: false }]);
  });

  it('keeps a "begin" line that starts no uuencoded file in the text', async () => {
    const parsed = await parseInboundMail(mail(['From: a@example.org', 'Subject: x', '', 'begin 644 is what the old manual says', 'and nothing else.']));
    expect(parsed.text).toBe('begin 644 is what the old manual says\nand nothing else.');
    expect(parsed.attachments).toEqual([]);
  });

  it('reads the text part that a broken fold of the multipart Content-Type hid from the parser', async () => {
    const parsed = await parseInboundMail(
      mail([
        'From: a@example.org',
        'Subject: Broken fold',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed;',
        'boundary="----=_Part_7"',
        '',
        'This is a multi-part message in MIME format.',
        '',
        '------=_Part_7',
        'Content-Transfer-Encoding: quoted-printable',
        'Content-Type: text/plain; charset=iso-8859-1',
        '',
        'Der Drucker im B=FCro druckt nur leere Seiten.',
        '------=_Part_7',
        'Content-Type: application/pdf; name="scan.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        'JVBERi0xLjQK',
        '------=_Part_7--',
      ]),
    );
    expect(parsed.text).toBe('Der Drucker im Büro druckt nur leere Seiten.');
  });
});

describe('parts sent as x-uuencode', () => {
  it('decodes a part whose Content-Transfer-Encoding is x-uuencode', async () => {
    const report = Buffer.from('%PDF-1.4\nquarterly report\n');
    const parsed = await parseInboundMail(
      mail([
        'From: a@example.org',
        'Subject: Report',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'The report.',
        '--b',
        'Content-Type: application/pdf; name="report.pdf"',
        'Content-Disposition: attachment; filename="report.pdf"',
        'Content-Transfer-Encoding: x-uuencode',
        '',
        uuencode('report.pdf', report),
        '--b--',
      ]),
    );
    expect(parsed.attachments).toMatchObject([{ filename: 'report.pdf', contentType: 'application/pdf', size: report.length, content: report }]);
  });
});
