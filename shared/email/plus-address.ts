import { createHmac, timingSafeEqual } from 'node:crypto';

/** Secret for signing reply addresses; keep it out of the config file (Secrets Manager). */
export type PlusAddressSecret = string | Uint8Array;

const SIGNATURE_LENGTH = 10;
// RFC 4648 base32, lower-cased: mail systems may lower-case local parts, and these survive it.
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const TICKET_KEY = /^[A-Z][A-Z0-9]{0,9}-[1-9]\d{0,11}$/;
const TAG = /^([a-z][a-z0-9]{0,9}-[1-9]\d{0,11})\.([a-z2-7]{10})$/;

/**
 * The signed reply address of a ticket: `support@desk.example.com` and SD-123 give
 * `support+sd-123.<sig>@desk.example.com`, where `<sig>` is HMAC-SHA256 over the base address and
 * the key, truncated to 10 base32 characters (50 bits). Everything is lower case.
 */
export function replyAddress(base: string, ticketKey: string, secret: PlusAddressSecret): string {
  const { local, domain } = splitAddress(base);
  const key = ticketKey.toUpperCase();
  if (!TICKET_KEY.test(key)) throw new Error(`Not a ticket key: ${ticketKey}`);
  return `${local}+${key.toLowerCase()}.${signature(`${local}@${domain}`, key, secret)}@${domain}`;
}

/**
 * The ticket key (upper case, e.g. SD-123) of a signed reply address of `base`, or undefined when
 * the address is not one or its signature does not verify. Case-insensitive; accepts `<...>`.
 */
export function ticketKeyFromAddress(address: string, base: string, secret: PlusAddressSecret): string | undefined {
  const { local: baseLocal, domain: baseDomain } = splitAddress(base);
  const candidate = address
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .toLowerCase();
  const at = candidate.lastIndexOf('@');
  if (at === -1 || candidate.slice(at + 1) !== baseDomain) return undefined;
  const local = candidate.slice(0, at);
  if (!local.startsWith(`${baseLocal}+`)) return undefined;

  const match = TAG.exec(local.slice(baseLocal.length + 1));
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const key = match[1].toUpperCase();
  const expected = Buffer.from(signature(`${baseLocal}@${baseDomain}`, key, secret));
  const given = Buffer.from(match[2]);
  // Same length by the pattern; compare in constant time so the signature cannot be guessed byte by byte.
  return timingSafeEqual(expected, given) ? key : undefined;
}

function signature(base: string, key: string, secret: PlusAddressSecret): string {
  if (secret.length === 0) throw new Error('The reply address secret is empty');
  // The purpose label keeps these signatures apart from anything else signed with the same secret.
  const mac = createHmac('sha256', secret).update(`servicedesk-reply-address\n${base}\n${key}`).digest();
  return base32(mac).slice(0, SIGNATURE_LENGTH);
}

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return output;
}

function splitAddress(address: string): { local: string; domain: string } {
  const normalised = address.trim().toLowerCase();
  const at = normalised.lastIndexOf('@');
  if (at <= 0 || at === normalised.length - 1) throw new Error(`Not a mail address: ${address}`);
  return { local: normalised.slice(0, at), domain: normalised.slice(at + 1) };
}
