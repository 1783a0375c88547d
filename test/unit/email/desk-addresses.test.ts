import { describe, expect, it } from 'vitest';
import rawConfig from '../../../servicedesk.config.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';
import { addressedDesk, deskMailbox, isDeskAddress, receivingDomains, ticketKeyFromReplyAddresses } from '../../../shared/email/desk-addresses.ts';
import { replyAddress } from '../../../shared/email/plus-address.ts';

const config = parseConfig(rawConfig);
const secret = new TextEncoder().encode('a test secret');
const at = (...addresses: string[]) => addresses.map((address) => ({ address }));

describe("desks' own addresses", () => {
  it("sends a desk's mail from its first address under its name, and a desk without one from the desk-wide mailbox", () => {
    expect(deskMailbox(config, 'hr')).toEqual({ address: 'hr@desk.example.com', name: 'Example HR' });
    expect(deskMailbox(config, 'it')).toEqual({ address: 'it@desk.example.com', name: 'IT Service Desk' });
    const plain = parseConfig({ ...rawConfig, desks: rawConfig.desks!.map(({ email: _email, ...desk }) => desk) });
    expect(deskMailbox(plain, 'hr')).toEqual({ address: 'support@desk.example.com', name: 'Example Service Desk' });
    expect(deskMailbox(config, undefined)).toEqual({ address: 'support@desk.example.com', name: 'Example Service Desk' });
  });

  it('takes the desk of the first desk address in To, then Cc, and none for the desk-wide address', () => {
    expect(addressedDesk(config, at('support@desk.example.com', 'Facilities@desk.example.com', 'hr@desk.example.com'))).toBe('facilities');
    expect(addressedDesk(config, at('someone@example.org', 'hr@desk.example.com'))).toBe('hr');
    expect(addressedDesk(config, at('support@desk.example.com', 'other@desk.example.com'))).toBeUndefined();
  });

  it("knows every desk's address and its plus-addresses as the desk's own, and nothing else on the domain", () => {
    expect(isDeskAddress(config, 'hr@desk.example.com')).toBe(true);
    expect(isDeskAddress(config, 'facilities+sd-4.abcdefghij@desk.example.com')).toBe(true);
    expect(isDeskAddress(config, 'support+x@desk.example.com')).toBe(true);
    expect(isDeskAddress(config, 'hr@elsewhere.example.com')).toBe(false);
    expect(isDeskAddress(config, 'colleague@desk.example.com')).toBe(false);
  });

  it("reads the ticket of any desk's signed reply address, and refuses a forged one", () => {
    const signed = replyAddress('hr@desk.example.com', 'SD-12', secret);
    expect(ticketKeyFromReplyAddresses(config, at('support@desk.example.com', signed), secret)).toBe('SD-12');
    expect(ticketKeyFromReplyAddresses(config, at(signed.replace(/\.[a-z2-7]{10}@/, '.aaaaaaaaaa@')), secret)).toBeUndefined();
    // Signed for one desk's address, it is not valid under another's.
    expect(ticketKeyFromReplyAddresses(config, at(signed.replace(/^hr\+/, 'it+')), secret)).toBeUndefined();
  });

  it('receives the domain of the desk-wide address and the other domains, once each', () => {
    expect(receivingDomains(config)).toEqual(['desk.example.com']);
    expect(receivingDomains({ email: { ...config.email!, otherDomains: ['people.example.com', 'desk.example.com'] } })).toEqual(['desk.example.com', 'people.example.com']);
  });
});
