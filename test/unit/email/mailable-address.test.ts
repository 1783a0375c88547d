import { describe, expect, it } from 'vitest';
import { mailableAddress, unmailableReason } from '../../../shared/email/mailable-address.ts';

describe('unmailableReason', () => {
  it.each([
    ['root@localhost', /local host name/],
    ['x@b.c', /no valid top-level domain/],
    ['jane@example.org.', /ends with a dot/],
    ['jdöe@mächine.example', /not ASCII/],
    ['a@-x.example.com', /not a host name/],
    ['someone@host.invalid', /never resolves/],
  ])('refuses %s', (address, reason) => {
    expect(unmailableReason(address)).toMatch(reason);
    expect(mailableAddress(address)).toBeUndefined();
  });

  it.each(['jane@example.org', 'a@sub.example.co.uk', 'support+sd-1.abc@desk.example.com'])('accepts %s', (address) => {
    expect(unmailableReason(address)).toBeUndefined();
    expect(mailableAddress(address)).toBe(address);
  });

  it('sends to an internationalised domain in its ASCII form', () => {
    expect(mailableAddress('j@mächine.example')).toBe('j@xn--mchine-bua.example');
  });
});
