import type { MailHeaders } from './mail-headers.ts';

/** A verdict SES writes in X-SES-Spam-Verdict / X-SES-Virus-Verdict. */
export type SesVerdictStatus = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED';

/** The DMARC result SES reports in its Authentication-Results header. */
export type DmarcResult = 'pass' | 'fail' | 'none';

/** An SPF or DKIM result (RFC 8601 2.7). */
export type AuthResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'policy' | 'temperror' | 'permerror';

/** What SES's receipt scanning said about a message; undefined where SES said nothing readable. */
export interface SesVerdicts {
  spam?: SesVerdictStatus;
  virus?: SesVerdictStatus;
  dmarc?: DmarcResult;
  spf?: AuthResult;
  dkim?: AuthResult;
  /** Domains of the DKIM signatures that verified (`header.d`, or the domain of `header.i`), lower-cased. */
  dkimPassDomains?: string[];
}

const SES_AUTHSERV_ID = 'amazonses.com';
const VERDICTS: readonly string[] = ['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED'];
const DMARC_RESULTS: readonly string[] = ['pass', 'fail', 'none'];
const AUTH_RESULTS: readonly string[] = ['pass', 'fail', 'softfail', 'neutral', 'none', 'policy', 'temperror', 'permerror'];

/**
 * Reads the verdicts SES adds on top of a message it stores through the S3 action
 * (X-SES-Spam-Verdict, X-SES-Virus-Verdict, Received-SPF, Authentication-Results: amazonses.com).
 * Only the block SES prepended is trusted: headers above the second Received line, topmost first,
 * so a sender cannot pass by writing these headers into its own message.
 */
export function readSesVerdicts(headers: MailHeaders): SesVerdicts {
  const trusted = sesHeaderBlock(headers);
  const first = (name: string) => trusted.find((header) => header.name === name)?.value;

  const results = trusted
    .filter((header) => header.name === 'authentication-results')
    .map((header) => authenticationResults(header.value))
    .find((parsed) => parsed?.authservId === SES_AUTHSERV_ID);
  const receivedSpf = first('received-spf')
    ?.trim()
    .split(/[\s;(]/, 1)[0]
    ?.toLowerCase();

  return {
    spam: verdict(first('x-ses-spam-verdict')),
    virus: verdict(first('x-ses-virus-verdict')),
    dmarc: oneOf(results?.methods.get('dmarc')?.[0], DMARC_RESULTS) as DmarcResult | undefined,
    spf: oneOf(results?.methods.get('spf')?.[0] ?? receivedSpf, AUTH_RESULTS) as AuthResult | undefined,
    // Several DKIM signatures: one that verifies is enough (RFC 6376 6.1).
    dkim: oneOf(pick(results?.methods.get('dkim')), AUTH_RESULTS) as AuthResult | undefined,
    ...(results?.dkimPassDomains.length ? { dkimPassDomains: results.dkimPassDomains } : {}),
  };
}

/**
 * Whether SES's verdicts show that the mail comes from its From domain: DMARC passed, or the domain
 * publishes no DMARC policy (SES reports `dmarc=none`) and a DKIM signature of that domain (or a
 * parent of it) verified. Without verdicts (no SES block) nothing is shown.
 */
export function senderAuthenticated(verdicts: SesVerdicts, fromAddress: string): boolean {
  if (verdicts.dmarc === 'pass') return true;
  if (verdicts.dmarc !== 'none') return false;
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1).toLowerCase();
  return (verdicts.dkimPassDomains ?? []).some((signer) => domain === signer || domain.endsWith(`.${signer}`));
}

/**
 * Why a message must be quarantined (kept, listed, no ticket) on SES's verdicts: a virus or spam
 * FAIL. Undefined when it may go on; GRAY and PROCESSING_FAILED are not failures.
 */
export function shouldQuarantine(verdicts: SesVerdicts): string | undefined {
  if (verdicts.virus === 'FAIL') return 'X-SES-Virus-Verdict: FAIL';
  if (verdicts.spam === 'FAIL') return 'X-SES-Spam-Verdict: FAIL';
  return undefined;
}

/** Headers above the second Received line: SES's own Received and what it added with it. */
function sesHeaderBlock(headers: MailHeaders): MailHeaders {
  let receivedSeen = 0;
  const end = headers.findIndex((header) => header.name === 'received' && ++receivedSeen === 2);
  return end === -1 ? headers : headers.slice(0, end);
}

function verdict(value: string | undefined): SesVerdictStatus | undefined {
  return oneOf(value?.trim().toUpperCase(), VERDICTS) as SesVerdictStatus | undefined;
}

function oneOf(value: string | undefined, allowed: readonly string[]): string | undefined {
  return value !== undefined && allowed.includes(value) ? value : undefined;
}

function pick(results: string[] | undefined): string | undefined {
  return results?.includes('pass') ? 'pass' : results?.[0];
}

/** Parses `authserv-id; method=result ...; ...` (RFC 8601), comments removed, results lower-cased. */
function authenticationResults(value: string): { authservId: string; methods: Map<string, string[]>; dkimPassDomains: string[] } | undefined {
  let text = value;
  // Comments may hold ';' (e.g. spfCheck explanations); remove them, innermost first.
  for (let previous = ''; previous !== text;) [previous, text] = [text, text.replace(/\([^()]*\)/g, ' ')];
  const [id, ...resinfos] = text.split(';');
  const authservId = id?.trim().split(/\s+/, 1)[0]?.toLowerCase();
  if (!authservId) return undefined;
  const methods = new Map<string, string[]>();
  const dkimPassDomains: string[] = [];
  for (const resinfo of resinfos) {
    const match = /^\s*([a-z0-9-]+)\s*=\s*([a-z]+)/i.exec(resinfo);
    if (match?.[1] === undefined || match[2] === undefined) continue;
    const method = match[1].toLowerCase();
    const result = match[2].toLowerCase();
    methods.set(method, [...(methods.get(method) ?? []), result]);
    if (method === 'dkim' && result === 'pass') {
      // header.d names the signing domain; SES writes header.i=@domain instead.
      const signer = /\bheader\.d\s*=\s*([^\s;]+)/i.exec(resinfo)?.[1] ?? /\bheader\.i\s*=\s*[^\s;@]*@([^\s;]+)/i.exec(resinfo)?.[1];
      if (signer) dkimPassDomains.push(signer.toLowerCase().replace(/\.$/, ''));
    }
  }
  return { authservId, methods, dkimPassDomains };
}
