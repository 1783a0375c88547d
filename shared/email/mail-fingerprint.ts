import { createHash } from 'node:crypto';

/**
 * Header fields added on the way (by relays, by SES's receipt rule, by the local intake): a message
 * delivered again differs in them, not in what its sender wrote.
 */
const TRACE_FIELDS = /^(received|return-path|x-received|delivered-to|received-spf|authentication-results|arc-[a-z-]+|x-ses-[a-z-]+|x-original-to):/i;

/**
 * A hash of what the sender wrote: the raw message without the trace and receipt fields added in
 * transit, line ends normalised. A redelivery of one message has the same fingerprint; a different
 * message reusing its Message-ID (buggy mailers do) has another.
 */
export function mailFingerprint(raw: Buffer): string {
  const text = raw.toString('latin1').replace(/\r\n?/g, '\n');
  const end = text.indexOf('\n\n');
  const header = end === -1 ? text : text.slice(0, end);
  const body = end === -1 ? '' : text.slice(end);
  const fields = header.split(/\n(?![ \t])/).filter((field) => !TRACE_FIELDS.test(field));
  return createHash('sha256').update(fields.join('\n'), 'latin1').update(body, 'latin1').digest('hex');
}
