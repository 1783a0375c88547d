/** The verdicts the local intake writes, in the words SES uses. */
export interface LocalVerdicts {
  spam: 'PASS' | 'FAIL' | 'GRAY';
  virus: 'PASS' | 'FAIL' | 'GRAY';
  spf: 'pass' | 'fail' | 'softfail' | 'neutral' | 'none';
  dkim: 'pass' | 'fail' | 'none';
  dmarc: 'pass' | 'fail' | 'none';
}

/** What the local intake writes when nobody says otherwise: everything passes, so `npm start` with swaks behaves like a well-configured sender. */
export const PASSING_VERDICTS: LocalVerdicts = { spam: 'PASS', virus: 'PASS', spf: 'pass', dkim: 'pass', dmarc: 'pass' };

/** The sender a verdict is chosen for: the envelope's MAIL FROM and the domain of the header From. */
export interface VerdictSubject {
  mailFrom: string;
  fromDomain: string | undefined;
}

/** The verdicts for every message, or chosen per message (by sender domain, say); parts left out pass. */
export type LocalVerdictRule = Partial<LocalVerdicts> | ((subject: VerdictSubject) => Partial<LocalVerdicts>);

/**
 * The block SES's receipt rule puts on top of a message before the S3 action stores it: its own
 * Received line, the spam and virus verdicts, Received-SPF and Authentication-Results from
 * amazonses.com. The intake reads only this block, so a locally received mail is judged as on AWS.
 */
export function sesVerdictHeaders(verdicts: LocalVerdicts, subject: VerdictSubject, recipient: string, at: Date): string {
  const envelopeDomain = subject.mailFrom.slice(subject.mailFrom.lastIndexOf('@') + 1) || 'localhost';
  const fromDomain = subject.fromDomain ?? envelopeDomain;
  const lines = [
    `Return-Path: <${subject.mailFrom}>`,
    `Received: from localhost (localhost [127.0.0.1]) by inbound-smtp.local.amazonaws.com with SMTP id local for ${recipient}; ${at.toUTCString()}`,
    `X-SES-Spam-Verdict: ${verdicts.spam}`,
    `X-SES-Virus-Verdict: ${verdicts.virus}`,
    `Received-SPF: ${verdicts.spf} (spfCheck: local intake) client-ip=127.0.0.1; envelope-from=${subject.mailFrom}; helo=localhost;`,
    `Authentication-Results: amazonses.com; spf=${verdicts.spf} (spfCheck: local intake) smtp.mailfrom=${subject.mailFrom}; dkim=${verdicts.dkim} header.i=@${fromDomain}; dmarc=${verdicts.dmarc} header.from=${fromDomain};`,
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** The domain of the first address of the top-level From header, lower-cased; undefined without one. */
export function headerFromDomain(bytes: Buffer): string | undefined {
  const text = bytes.subarray(0, 64 * 1024).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const header = (end === -1 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const from = /^from:(.*)$/im.exec(header)?.[1];
  return from ? /@([a-z0-9.-]+)/i.exec(from)?.[1]?.toLowerCase() : undefined;
}

const ALLOWED: { [K in keyof LocalVerdicts]: readonly LocalVerdicts[K][] } = {
  spam: ['PASS', 'FAIL', 'GRAY'],
  virus: ['PASS', 'FAIL', 'GRAY'],
  spf: ['pass', 'fail', 'softfail', 'neutral', 'none'],
  dkim: ['pass', 'fail', 'none'],
  dmarc: ['pass', 'fail', 'none'],
};

/**
 * Verdicts written as `dmarc=none,dkim=none` (the SES_VERDICTS variable of `npm start`), so a
 * forged or unauthenticated sender can be tried locally.
 * @throws {Error} naming the variable, the part and what is allowed.
 */
export function parseLocalVerdicts(text: string, variable: string): Partial<LocalVerdicts> {
  const verdicts: Partial<Record<keyof LocalVerdicts, string>> = {};
  for (const part of text
    .split(',')
    .map((piece) => piece.trim())
    .filter(Boolean)) {
    const [name, value] = part.split('=').map((piece) => piece.trim());
    const allowed = ALLOWED[name as keyof LocalVerdicts] as readonly string[] | undefined;
    if (!allowed) throw new Error(`${variable}: "${name}" is not a verdict; use ${Object.keys(ALLOWED).join(', ')}`);
    const normalised = name === 'spam' || name === 'virus' ? value?.toUpperCase() : value?.toLowerCase();
    if (normalised === undefined || !allowed.includes(normalised)) throw new Error(`${variable}: ${name} must be one of ${allowed.join(', ')}`);
    verdicts[name as keyof LocalVerdicts] = normalised;
  }
  return verdicts as Partial<LocalVerdicts>;
}
