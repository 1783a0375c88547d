import { domainToASCII } from 'node:url';

/** Top-level domains that never resolve (RFC 6761): mail to them can only bounce. */
const NEVER_RESOLVED = new Set(['invalid', 'localhost']);
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
// A top-level domain is letters (at least two) or an internationalised one in its xn-- form.
const TOP_LEVEL = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Why SES cannot send to an address, in words shown on a ticket; undefined when it can. SES does
 * not speak SMTPUTF8, so a local part must be ASCII; the domain must be a host name on the public
 * internet: dotted, no trailing dot, a top-level domain of letters (`root@localhost`, `x@b.c` and
 * `jane@example.org.` are refused). Mail arrives from such senders and their tickets open; they
 * just cannot be answered by mail.
 */
export function unmailableReason(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0) return 'not an address';
  if (!/^[\x21-\x7e]+$/.test(address.slice(0, at))) return 'the part before @ is not ASCII (SES sends no SMTPUTF8)';
  const written = address.slice(at + 1);
  if (written.endsWith('.')) return 'the domain ends with a dot';
  const domain = domainToASCII(written);
  if (!domain) return 'the domain is not a host name';
  const labels = domain.split('.');
  if (labels.length < 2) return `the domain ${domain} is a local host name, not one on the internet`;
  if (!labels.every((label) => LABEL.test(label))) return `the domain ${domain} is not a host name`;
  const top = labels.at(-1)!;
  if (NEVER_RESOLVED.has(top)) return `the domain ${domain} never resolves`;
  if (!TOP_LEVEL.test(top)) return `the domain ${domain} has no valid top-level domain`;
  return undefined;
}

/**
 * The form of an address SES can send to, or undefined when it cannot (see {@link unmailableReason}):
 * an internationalised domain goes out in its ASCII (punycode) form. The one check both the intake
 * (which records an unmailable requester on the ticket) and the notification sender use.
 */
export function mailableAddress(address: string): string | undefined {
  if (unmailableReason(address) !== undefined) return undefined;
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}@${domainToASCII(address.slice(at + 1))}`;
}
