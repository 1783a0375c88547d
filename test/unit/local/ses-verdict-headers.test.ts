import { describe, expect, it } from 'vitest';
import { headerFromDomain, parseLocalVerdicts, PASSING_VERDICTS, sesVerdictHeaders } from '../../../local/ses-verdict-headers.ts';
import { parseInboundMail } from '../../../shared/email/inbound-mail.ts';
import { readSesVerdicts } from '../../../shared/email/ses-verdicts.ts';

describe('the verdict headers of the local intake', () => {
  it("are read by the intake as SES's own", async () => {
    const subject = { mailFrom: 'eve@forged.example', fromDomain: 'example.com' };
    const block = sesVerdictHeaders({ ...PASSING_VERDICTS, dmarc: 'none', dkim: 'none' }, subject, 'support@desk.example.com', new Date('2026-11-02T09:00:00Z'));
    const mail = await parseInboundMail(Buffer.from(`${block}From: alice.agent@example.com\r\nSubject: x\r\n\r\nbody\r\n`));
    expect(readSesVerdicts(mail.headers)).toEqual({ spam: 'PASS', virus: 'PASS', spf: 'pass', dkim: 'none', dmarc: 'none' });
  });

  it('take the domain of the header From', () => {
    expect(headerFromDomain(Buffer.from('Subject: x\r\nFrom: "Alice"\r\n <Alice.Agent@Example.COM>\r\n\r\nbody'))).toBe('example.com');
    expect(headerFromDomain(Buffer.from('From: MAILER-DAEMON\r\n\r\nbody'))).toBeUndefined();
  });

  it('are set for npm start by SES_VERDICTS, refusing what SES never says', () => {
    expect(parseLocalVerdicts('dmarc=none, dkim=none, spam=fail', 'SES_VERDICTS')).toEqual({ dmarc: 'none', dkim: 'none', spam: 'FAIL' });
    expect(() => parseLocalVerdicts('dmarc=maybe', 'SES_VERDICTS')).toThrow('SES_VERDICTS: dmarc must be one of pass, fail, none');
    expect(() => parseLocalVerdicts('arc=pass', 'SES_VERDICTS')).toThrow(/SES_VERDICTS: "arc" is not a verdict/);
  });
});
