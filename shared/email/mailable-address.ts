import { domainToASCII } from 'node:url';

/**
 * The form of an address SES can send to, or undefined: SES does not speak SMTPUTF8, so a local
 * part must be ASCII; an internationalised domain goes out in its ASCII (punycode) form. Mail
 * arrives from such senders (RFC 6532) and their tickets open; they just cannot be answered by mail.
 */
export function mailableAddress(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0) return undefined;
  const local = address.slice(0, at);
  if (!/^[\x21-\x7e]+$/.test(local)) return undefined;
  const domain = domainToASCII(address.slice(at + 1));
  return domain ? `${local}@${domain}` : undefined;
}
