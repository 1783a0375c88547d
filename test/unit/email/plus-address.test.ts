import { describe, expect, it } from 'vitest';
import { replyAddress, ticketKeyFromAddress } from '../../../shared/email/plus-address.ts';

const BASE = 'support@desk.example.com';
const SECRET = 'test-secret-0123456789';

describe('replyAddress', () => {
  it('makes support+sd-123.<10 base32 characters>@domain', () => {
    expect(replyAddress(BASE, 'SD-123', SECRET)).toMatch(/^support\+sd-123\.[a-z2-7]{10}@desk\.example\.com$/);
  });

  it('is deterministic and depends on the key, the base address and the secret', () => {
    const address = replyAddress(BASE, 'SD-123', SECRET);
    expect(replyAddress(BASE, 'SD-123', SECRET)).toBe(address);
    expect(replyAddress(BASE, 'sd-123', SECRET)).toBe(address);
    const signature = (value: string) => value.split('.')[1]?.slice(0, 10);
    expect(signature(replyAddress(BASE, 'SD-124', SECRET))).not.toBe(signature(address));
    expect(signature(replyAddress('help@desk.example.com', 'SD-123', SECRET))).not.toBe(signature(address));
    expect(signature(replyAddress(BASE, 'SD-123', 'another-secret'))).not.toBe(signature(address));
  });

  it('accepts a byte secret', () => {
    const bytes = new TextEncoder().encode(SECRET);
    expect(replyAddress(BASE, 'SD-1', bytes)).toBe(replyAddress(BASE, 'SD-1', SECRET));
  });

  it('refuses a bad key, base address or empty secret', () => {
    expect(() => replyAddress(BASE, 'printer', SECRET)).toThrow('Not a ticket key');
    expect(() => replyAddress('support', 'SD-1', SECRET)).toThrow('Not a mail address');
    expect(() => replyAddress(BASE, 'SD-1', '')).toThrow('secret is empty');
  });
});

describe('ticketKeyFromAddress', () => {
  const address = replyAddress(BASE, 'SD-123', SECRET);

  it('returns the key of a signed address', () => {
    expect(ticketKeyFromAddress(address, BASE, SECRET)).toBe('SD-123');
  });

  it('survives mail systems that change case, and angle brackets', () => {
    expect(ticketKeyFromAddress(address.toUpperCase(), BASE, SECRET)).toBe('SD-123');
    expect(ticketKeyFromAddress(`<${address}>`, 'Support@Desk.Example.com', SECRET)).toBe('SD-123');
  });

  it('refuses a forged or altered signature', () => {
    const [local = '', domain = ''] = address.split('@');
    const flipped = local.slice(0, -1) + (local.endsWith('a') ? 'b' : 'a');
    expect(ticketKeyFromAddress(`${flipped}@${domain}`, BASE, SECRET)).toBeUndefined();
    expect(ticketKeyFromAddress(address.replace('sd-123', 'sd-124'), BASE, SECRET)).toBeUndefined();
    expect(ticketKeyFromAddress(address, BASE, 'another-secret')).toBeUndefined();
  });

  it('refuses other addresses', () => {
    expect(ticketKeyFromAddress(BASE, BASE, SECRET)).toBeUndefined();
    expect(ticketKeyFromAddress('support+sd-123@desk.example.com', BASE, SECRET)).toBeUndefined();
    expect(ticketKeyFromAddress(address.replace('desk.example.com', 'evil.example.com'), BASE, SECRET)).toBeUndefined();
    expect(ticketKeyFromAddress(address.replace('support+', 'sales+'), BASE, SECRET)).toBeUndefined();
    expect(ticketKeyFromAddress(`${address}x`, BASE, SECRET)).toBeUndefined();
    expect(ticketKeyFromAddress('not an address', BASE, SECRET)).toBeUndefined();
  });
});
