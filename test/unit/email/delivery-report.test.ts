import { describe, expect, it } from 'vitest';
import { deliveryOutcomes, describeDeliveryOutcomes, permanentFailures, readDeliveryReport } from '../../../shared/email/delivery-report.ts';
import { parseInboundMail } from '../../../shared/email/inbound-mail.ts';
import { fixture } from './email-fixtures.ts';

const reportOf = async (path: string) => readDeliveryReport(await parseInboundMail(fixture(path)));

describe('delivery status notifications', () => {
  it('finds the Message-ID SES gave the returned message, and why it failed (Amazon SES bounce)', async () => {
    expect(await reportOf('sisimai-set-of-emails/bsd/lhost-amazonses-01.eml')).toEqual({
      originalMessageId: '<000001321defbd2a-788e31c8-2be1-422f-a8d4-cf7765cc9ed7-000000@email.amazonses.com>',
      outcomes: [{ recipient: 'shironeko@example.co.jp', action: 'failed', status: '5.0.0', diagnostic: expect.stringMatching(/^smtp; 5\.1\.0 - Unknown address error/) }],
    });
  });

  it('reads Office 365 and Gmail reports, one outcome per recipient', async () => {
    const office = await reportOf('mailgun-flanker/bounce/office365.eml');
    expect(office.originalMessageId).toBe('<20171013111011.20866.254C2F3A4D7AA526@ninomail.com>');
    expect(office.outcomes).toEqual([expect.objectContaining({ recipient: 'noname@example.com', action: 'failed', status: '5.1.10' })]);

    const gmail = await reportOf('mikel-mail/multipart_report_emails/multi_address_bounce1.eml');
    expect(gmail.outcomes).toHaveLength(5);
    expect(gmail.outcomes.every((outcome) => outcome.status === '5.1.1' && outcome.recipient.endsWith('@gmail.com'))).toBe(true);
  });

  it('unfolds a diagnostic over several lines, and has no original id when the returned part is empty (Postfix)', async () => {
    const report = await reportOf('sisimai-set-of-emails/bsd/lhost-postfix-01.eml');
    expect(report.originalMessageId).toBeUndefined();
    expect(report.outcomes).toEqual([
      { recipient: 'r@p351355.pool.example.ne.jp', action: 'failed', status: '5.1.1', diagnostic: 'x-unix; procmail: Couldn\'t create "/var/spool/mail/neko" id: r.example.org: No such user' },
    ]);
  });

  it('ignores field groups without a recipient and an action, and words the outcomes for the ticket', () => {
    const outcomes = deliveryOutcomes('Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; <Jane@Example.org>\nAction: Delayed\nStatus: 4.4.1 (persistent transient failure)\n\nAction: failed\n');
    expect(outcomes).toEqual([{ recipient: 'jane@example.org', action: 'delayed', status: '4.4.1' }]);
    expect(describeDeliveryOutcomes([...outcomes, { recipient: 'tom@example.org', action: 'failed', status: '5.1.1', diagnostic: 'smtp; 550 no such user' }])).toBe(
      'Delivery to jane@example.org delayed (4.4.1)\nDelivery to tom@example.org failed (5.1.1: smtp; 550 no such user)',
    );
  });

  it('counts a failure as permanent with a 5.x.x status or none, never a delay or a 4.x.x failure', () => {
    const outcomes = [
      { recipient: 'gone@example.org', action: 'failed', status: '5.1.1' },
      { recipient: 'full@example.org', action: 'failed', status: '4.2.2' },
      { recipient: 'slow@example.org', action: 'delayed', status: '4.4.1' },
      { recipient: 'bare@example.org', action: 'failed' },
      { recipient: 'fine@example.org', action: 'delivered', status: '2.0.0' },
    ];
    expect(permanentFailures(outcomes).map((outcome) => outcome.recipient)).toEqual(['gone@example.org', 'bare@example.org']);
  });

  it('finds the permanent failures in real bounces (Gmail, Postfix)', async () => {
    expect(permanentFailures((await reportOf('sisimai-set-of-emails/bsd/lhost-postfix-01.eml')).outcomes)).toHaveLength(1);
  });
});
