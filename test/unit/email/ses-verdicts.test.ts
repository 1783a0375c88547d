import { describe, expect, it } from 'vitest';
import { parseInboundMail } from '../../../shared/email/inbound-mail.ts';
import { readSesVerdicts, senderAuthenticated, shouldQuarantine, type SesVerdicts } from '../../../shared/email/ses-verdicts.ts';

/** A raw mail as the SES S3 action stores it: SES's headers on top of the sender's. */
function sesMail(options: { spam?: string; virus?: string; spf?: string; dkim?: string; dmarc?: string; original?: string[] }): Buffer {
  const lines = [
    'Return-Path: <jane@example.org>',
    'Received: from mail.example.org (mail.example.org [192.0.2.10])',
    ' by inbound-smtp.eu-west-1.amazonaws.com with SMTP id abc123',
    ' for support@desk.example.com;',
    ' Mon, 02 Mar 2026 10:00:00 +0000 (UTC)',
    ...(options.spam === undefined ? [] : [`X-SES-Spam-Verdict: ${options.spam}`]),
    ...(options.virus === undefined ? [] : [`X-SES-Virus-Verdict: ${options.virus}`]),
    `Received-SPF: ${options.spf ?? 'pass'} (spfCheck: domain of example.org designates 192.0.2.10 as permitted sender) client-ip=192.0.2.10; envelope-from=jane@example.org; helo=mail.example.org;`,
    'Authentication-Results: amazonses.com;',
    ` spf=${options.spf ?? 'pass'} (spfCheck: domain of example.org designates 192.0.2.10 as permitted sender; see RFC 7208) client-ip=192.0.2.10; envelope-from=jane@example.org; helo=mail.example.org;`,
    ` dkim=${options.dkim ?? 'pass'} header.i=@example.org;`,
    ` dmarc=${options.dmarc ?? 'pass'} header.from=example.org;`,
    'X-SES-RECEIPT: AEFBQUFBQUFBQUFF',
    'X-SES-DKIM-SIGNATURE: a=rsa-sha256; q=dns/txt; b=abc; c=relaxed/simple; s=x; d=amazonses.com; t=1; v=1; bh=y; h=From:To;',
    'Received: by mail.example.org with SMTP id xyz; Mon, 02 Mar 2026 10:00:00 +0000',
    ...(options.original ?? []),
    'From: Jane <jane@example.org>',
    'To: support@desk.example.com',
    'Subject: Printer jams',
    '',
    'Hello',
  ];
  return Buffer.from(lines.join('\r\n'));
}

async function verdictsOf(raw: Buffer): Promise<SesVerdicts> {
  return readSesVerdicts((await parseInboundMail(raw)).headers);
}

describe('readSesVerdicts', () => {
  it('reads a clean message', async () => {
    expect(await verdictsOf(sesMail({ spam: 'PASS', virus: 'PASS' }))).toEqual({ spam: 'PASS', virus: 'PASS', dmarc: 'pass', spf: 'pass', dkim: 'pass', dkimPassDomains: ['example.org'] });
  });

  it('reads spam and virus failures', async () => {
    expect(await verdictsOf(sesMail({ spam: 'FAIL', virus: 'PASS' }))).toMatchObject({ spam: 'FAIL', virus: 'PASS' });
    expect(await verdictsOf(sesMail({ spam: 'PASS', virus: 'FAIL' }))).toMatchObject({ spam: 'PASS', virus: 'FAIL' });
  });

  it('reads GRAY and PROCESSING_FAILED', async () => {
    expect(await verdictsOf(sesMail({ spam: 'GRAY', virus: 'PROCESSING_FAILED' }))).toMatchObject({ spam: 'GRAY', virus: 'PROCESSING_FAILED' });
  });

  it('reads DMARC fail and none, and SPF/DKIM failures', async () => {
    expect(await verdictsOf(sesMail({ spam: 'PASS', virus: 'PASS', dmarc: 'fail', spf: 'softfail', dkim: 'fail' }))).toMatchObject({
      dmarc: 'fail',
      spf: 'softfail',
      dkim: 'fail',
    });
    expect((await verdictsOf(sesMail({ dmarc: 'none' }))).dmarc).toBe('none');
  });

  it('leaves out what SES did not say', async () => {
    const verdicts = await verdictsOf(Buffer.from('From: jane@example.org\r\nSubject: x\r\n\r\nbody'));
    expect(verdicts).toEqual({ spam: undefined, virus: undefined, dmarc: undefined, spf: undefined, dkim: undefined });
    expect(shouldQuarantine(verdicts)).toBeUndefined();
  });

  it('ignores verdict headers the sender wrote into its own message', async () => {
    const forged = ['X-SES-Spam-Verdict: PASS', 'X-SES-Virus-Verdict: PASS', 'Authentication-Results: amazonses.com; dmarc=pass header.from=bank.example'];
    expect(await verdictsOf(sesMail({ spam: 'FAIL', virus: 'FAIL', dmarc: 'fail', original: forged }))).toMatchObject({ spam: 'FAIL', virus: 'FAIL', dmarc: 'fail' });
    // SES said nothing about spam here: a forged PASS below SES's block still does not count.
    expect((await verdictsOf(sesMail({ original: forged }))).spam).toBeUndefined();
  });

  it("ignores another server's Authentication-Results", () => {
    const headers = [
      { name: 'authentication-results', value: 'mx.other.example; dmarc=pass header.from=example.org' },
      { name: 'authentication-results', value: 'amazonses.com; dmarc=fail header.from=example.org' },
    ];
    expect(readSesVerdicts(headers).dmarc).toBe('fail');
  });

  it('counts DKIM as passed when one of several signatures verifies', () => {
    const headers = [{ name: 'authentication-results', value: 'amazonses.com; dkim=fail header.i=@a.example; dkim=pass header.i=@example.org; dmarc=pass' }];
    expect(readSesVerdicts(headers).dkim).toBe('pass');
  });

  it('reads SPF from Received-SPF when Authentication-Results has none', () => {
    expect(readSesVerdicts([{ name: 'received-spf', value: 'fail (spfCheck: not permitted) client-ip=192.0.2.1;' }]).spf).toBe('fail');
  });

  it('ignores unknown verdict values', () => {
    expect(readSesVerdicts([{ name: 'x-ses-spam-verdict', value: 'MAYBE' }]).spam).toBeUndefined();
  });
});

describe('shouldQuarantine', () => {
  it('quarantines a virus or spam FAIL, naming the header', () => {
    expect(shouldQuarantine({ spam: 'PASS', virus: 'FAIL' })).toBe('X-SES-Virus-Verdict: FAIL');
    expect(shouldQuarantine({ spam: 'FAIL', virus: 'PASS' })).toBe('X-SES-Spam-Verdict: FAIL');
    expect(shouldQuarantine({ spam: 'FAIL', virus: 'FAIL' })).toBe('X-SES-Virus-Verdict: FAIL');
  });

  it('lets everything else through, DMARC failures included (they limit threading instead)', () => {
    expect(shouldQuarantine({ spam: 'PASS', virus: 'PASS' })).toBeUndefined();
    expect(shouldQuarantine({ spam: 'GRAY', virus: 'PROCESSING_FAILED' })).toBeUndefined();
    expect(shouldQuarantine({ spam: 'PASS', virus: 'PASS', dmarc: 'fail' })).toBeUndefined();
  });
});

describe('senderAuthenticated', () => {
  it('trusts a From whose DMARC passed', async () => {
    expect(senderAuthenticated(await verdictsOf(sesMail({ dmarc: 'pass' })), 'jane@example.org')).toBe(true);
  });

  it('trusts a domain without a DMARC policy only with a DKIM pass for that domain', async () => {
    expect(senderAuthenticated(await verdictsOf(sesMail({ dmarc: 'none', dkim: 'pass' })), 'jane@example.org')).toBe(true);
    expect(senderAuthenticated(await verdictsOf(sesMail({ dmarc: 'none', dkim: 'pass' })), 'jane@mail.example.org')).toBe(true);
    expect(senderAuthenticated(await verdictsOf(sesMail({ dmarc: 'none', dkim: 'pass' })), 'alice.agent@example.com')).toBe(false);
    expect(senderAuthenticated(await verdictsOf(sesMail({ dmarc: 'none', dkim: 'fail' })), 'jane@example.org')).toBe(false);
  });

  it('trusts nothing on a DMARC failure or without SES verdicts', async () => {
    expect(senderAuthenticated(await verdictsOf(sesMail({ dmarc: 'fail', dkim: 'pass' })), 'jane@example.org')).toBe(false);
    expect(senderAuthenticated({}, 'jane@example.org')).toBe(false);
  });
});
