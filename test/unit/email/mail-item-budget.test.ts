import { describe, expect, it } from 'vitest';
import { listedAttachments } from '../../../shared/email/attachment-admission.ts';
import { fitMailItem, itemBytes, MAIL_ITEM_BUDGET_BYTES } from '../../../shared/email/kept-mail-text.ts';
import { mailFingerprint } from '../../../shared/email/mail-fingerprint.ts';

describe('listedAttachments', () => {
  it('lists every stored file and refused ones while there is room', () => {
    const verdicts = [undefined, 'too large', 'too large', undefined, 'too large'];
    expect(listedAttachments(verdicts, 3)).toEqual([true, true, false, true, false]);
    expect(listedAttachments(verdicts, 10)).toEqual([true, true, true, true, true]);
  });
});

describe('fitMailItem', () => {
  it('leaves an item within the budget as it is', () => {
    const item = { body: 'short', html: '<p>short</p>' };
    expect(fitMailItem(item, 'body')).toBe(item);
  });

  it('drops the HTML first, then cuts the text with a note, until the item fits', () => {
    const html = `<p>${'語'.repeat(150_000)}</p>`;
    expect(fitMailItem({ body: 'text', html }, 'body')).toEqual({ body: 'text' });
    const fitted = fitMailItem({ body: '語'.repeat(120_000) }, 'body')!;
    expect(itemBytes(fitted)).toBeLessThanOrEqual(MAIL_ITEM_BUDGET_BYTES);
    expect(fitted.body).toMatch(/^語+\n\n\[Cut to fit the ticket: the whole mail is kept as raw mail\.\]$/);
  });

  it('gives up when even an empty text would not fit', () => {
    expect(fitMailItem({ body: 'x', listing: 'y'.repeat(MAIL_ITEM_BUDGET_BYTES) }, 'body')).toBeUndefined();
  });
});

describe('mailFingerprint', () => {
  const mail = 'From: a@example.org\r\nSubject: Hi\r\nMessage-ID: <1@example.org>\r\n\r\nHello\r\n';

  it('is the same for a redelivery with other trace and receipt headers on top', () => {
    const relayed = `Received: from relay.example by mx.example; Mon, 2 Nov 2026 09:00:00 +0000\r\nX-SES-Spam-Verdict: PASS\r\nAuthentication-Results: amazonses.com; dmarc=pass\r\n${mail}`;
    expect(mailFingerprint(Buffer.from(relayed))).toBe(mailFingerprint(Buffer.from(mail)));
  });

  it('differs for another mail with the same Message-ID', () => {
    expect(mailFingerprint(Buffer.from(mail.replace('Hello', 'Other')))).not.toBe(mailFingerprint(Buffer.from(mail)));
  });
});
