import { convert as htmlToText } from 'html-to-text';
import { describe, expect, it } from 'vitest';
import { parseInboundMail } from '../../../shared/email/inbound-mail.ts';
import { MAX_PARSED_REPLY_CHARS, visibleReply } from '../../../shared/email/visible-reply.ts';
import { sanitizeCommentHtml } from '../../../shared/text/sanitize-comment-html.ts';
import { expectedOf, fixture, fixtureText } from './email-fixtures.ts';

/**
 * Cases where our result differs from the upstream expectation on purpose, or where the library
 * decides differently; each is asserted below with the behaviour we rely on.
 */
const DIFFERS = {
  'github-email_reply_parser': ['email_1_1.txt', 'email_sent_from_my_not_signature.txt'],
  'crisp-email-reply-parser': [] as string[],
  'discourse-email_reply_trimmer': ['embedded_email_2.txt', 'embedded_email_swedish.txt', 'forwarded_gmail.txt', 'forwarded_message.txt', 'quote_and_text.txt'],
};

describe.each(Object.keys(DIFFERS) as (keyof typeof DIFFERS)[])('visibleReply against the expected results of %s', (source) => {
  const expected = expectedOf(source);
  const agreeing = Object.keys(expected).filter((file) => !DIFFERS[source].includes(file));

  it.each(agreeing)('strips %s to the expected text', (file) => {
    // Upstream compares trimmed text (discourse trims the input as well).
    expect(visibleReply(fixtureText(`${source}/${file}`))).toBe(expected[file]?.trim());
  });
});

describe('visibleReply: common clients', () => {
  it('cuts an Outlook reply at the ruler above the *From:* block', () => {
    expect(visibleReply(fixtureText('github-email_reply_parser/email_2_1.txt'))).toBe('Outlook with a reply');
  });

  it('cuts an Outlook reply at an underscore ruler right below the text', () => {
    expect(visibleReply(fixtureText('github-email_reply_parser/email_2_2.txt'))).toBe('Outlook with a reply directly above line');
  });

  it('cuts at an Outlook From:/Sent: block without a ruler', () => {
    expect(visibleReply('Thanks, fixed.\n\nFrom: Desk <support@desk.example.com>\nSent: Monday, 2 March 2026 10:00\nTo: Jane\nSubject: [SD-1] Printer\n\nHello Jane')).toBe('Thanks, fixed.');
  });

  it('strips a Gmail "On ... wrote:" quote split over two lines, with Windows line endings', () => {
    expect(visibleReply(fixtureText('github-email_reply_parser/email_1_7.txt'))).toBe(':+1:');
    expect(visibleReply(fixtureText('github-email_reply_parser/email_1_6.txt'))).toBe('I get proper rendering as well.');
  });

  it('keeps the answers of an inline reply and drops the quoted parts and signature', () => {
    expect(visibleReply(fixtureText('github-email_reply_parser/email_1_8.txt'))).toBe('I will reply under this one\nand under this.');
  });

  it('keeps a text that starts with "On" and strips its quote (no greedy match)', () => {
    const visible = visibleReply(fixtureText('github-email_reply_parser/greedy_on.txt'));
    expect(visible).toMatch(/^On your remote host you can run:/);
    expect(visible).toMatch(/the tunnel is not working\.$/);
  });

  it('strips a -- signature', () => {
    expect(visibleReply(fixtureText('github-email_reply_parser/correct_sig.txt'))).toBe('this is an email with a correct -- signature.');
  });

  it('strips a mailing-list footer below a ruler', () => {
    expect(visibleReply(fixtureText('github-email_reply_parser/email_1_3.txt'))).toBe('Oh thanks.\n\nHaving the function would be great.\n\n-Abhishek Kona');
  });

  it('strips French and Russian attributions the library does not know', () => {
    expect(visibleReply(fixtureText('discourse-email_reply_trimmer/embedded_email_french_1.txt'))).toBe("C'est super !");
    expect(visibleReply(fixtureText('discourse-email_reply_trimmer/embedded_email_russian_1.txt'))).toBe("Why don't you override particular strings with JS?");
  });

  it('returns an empty text when there is nothing new', () => {
    expect(visibleReply('On Mon, 2 Mar 2026 at 10:00, Desk <support@desk.example.com> wrote:\n> Hello\n> Jane\n')).toBe('');
  });
});

describe('visibleReply: where it differs from upstream expectations', () => {
  it('keeps a "-Name" sign-off the Ruby parser treats as a signature (github email_1_1)', () => {
    const expected = expectedOf('github-email_reply_parser')['email_1_1.txt'];
    expect(visibleReply(fixtureText('github-email_reply_parser/email_1_1.txt'))).toBe(`${expected}\n\n-Abhishek Kona`);
  });

  it('drops a "Sent from my ..." line even in a sentence (the library treats it as a signature)', () => {
    expect(visibleReply(fixtureText('github-email_reply_parser/email_sent_from_my_not_signature.txt'))).toBe('Here is another email');
  });

  it('strips a "Best regards" sign-off and what follows it, which the Discourse trimmer keeps', () => {
    const source = 'discourse-email_reply_trimmer';
    expect(visibleReply(fixtureText(`${source}/embedded_email_2.txt`))).toBe(expectedOf(source)['embedded_email_2.txt']?.replace(/\n\nBest Regards$/, ''));
    expect(visibleReply(fixtureText(`${source}/embedded_email_swedish.txt`))).toBe(expectedOf(source)['embedded_email_swedish.txt']?.replace(/\n\nBest regards\n\nSome One$/, ''));
  });

  it('keeps forwarded messages whole: the forwarded text is what the requester wants read', () => {
    const gmail = visibleReply(fixtureText('discourse-email_reply_trimmer/forwarded_gmail.txt'));
    expect(gmail).toMatch(/^This email has been forwarded from Gmail\.\n\n---------- Forwarded message ---------\nFrom: Foo Discourse/);
    const plain = visibleReply(fixtureText('discourse-email_reply_trimmer/forwarded_message.txt'));
    expect(plain).toMatch(/^---------- Forwarded message ----------/);
    expect(plain).toMatch(/This is a forwarded email\. And just that\.$/);
  });

  it('drops a leading quote above the new text (usenet style), keeping the text', () => {
    expect(visibleReply(fixtureText('discourse-email_reply_trimmer/quote_and_text.txt'))).toBe('And this is some text.');
  });
});

describe('visibleReply over whole messages (mailgun talon)', () => {
  const expected = expectedOf('mailgun-talon');
  const replies = Object.keys(expected).filter((file) => file.startsWith('standard_replies/'));
  // These two keep their mobile signature upstream; we strip signatures.
  const signatureKept = ['standard_replies/iphone.eml', 'standard_replies/sparrow.eml'];

  it.each(replies.filter((file) => !signatureKept.includes(file)))('reads "Hello" from %s', async (file) => {
    const mail = await parseInboundMail(fixture(`mailgun-talon/${file}`));
    expect(visibleReply(mail.text)).toBe(expected[file]);
  });

  it.each(signatureKept)('reads "Hello" from %s, its signature stripped', async (file) => {
    const mail = await parseInboundMail(fixture(`mailgun-talon/${file}`));
    expect(expected[file]).toMatch(/^Hello\s*\n/);
    expect(visibleReply(mail.text)).toBe('Hello');
  });

  it.each(Object.keys(expected).filter((file) => file.startsWith('html_replies/')))('reads the reply of the HTML body %s', (file) => {
    const text = htmlToText(sanitizeCommentHtml(fixtureText(`mailgun-talon/${file}`)), { wordwrap: false });
    // Upstream compares with all white space removed.
    expect(visibleReply(text).replace(/\s/g, '')).toBe(expected[file]?.replace(/\s/g, ''));
  });

  it('keeps the reply that shares a base64 block with its quotation', async () => {
    const mail = await parseInboundMail(fixture('mailgun-talon/reply-quotations-share-block.eml'));
    const visible = visibleReply(mail.text);
    expect(visible).toMatch(/^Hi Katharine\./);
    expect(visible).not.toContain('From');
  });
});

describe('visibleReply on long and hostile input', () => {
  // Catastrophic backtracking would run for minutes: the test's own timeout is the bound, not a clock.
  it('answers on text built to make the quote patterns backtrack', { timeout: 30_000 }, () => {
    const hostile = 'abc. x skrev y\n'.repeat(5_000);
    expect(visibleReply(hostile)).toContain('abc.');
  });

  it('strips the history of a long thread whose quote starts early', () => {
    const history = Array.from({ length: 2_000 }, (_value, index) => `> line ${index} of an old message`).join('\n');
    const text = `Fixed, thanks.\n\nOn Mon, 2 Mar 2026 at 10:00, Desk <support@desk.example.com> wrote:\n${history}\n`;
    expect(text.length).toBeGreaterThan(MAX_PARSED_REPLY_CHARS);
    expect(visibleReply(text)).toBe('Fixed, thanks.');
  });

  it('keeps every line of a long reply without quoted history', () => {
    const text = Array.from({ length: 1_000 }, (_value, index) => `log line ${index}: disk full`).join('\n');
    expect(text.length).toBeGreaterThan(MAX_PARSED_REPLY_CHARS);
    expect(visibleReply(text)).toBe(text);
  });
});
