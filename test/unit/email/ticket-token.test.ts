import { describe, expect, it } from 'vitest';
import { subjectWithToken, ticketKeyFromSubject } from '../../../shared/email/ticket-token.ts';

describe('ticketKeyFromSubject', () => {
  it.each([
    ['[SD-123] Printer jams', 'SD-123'],
    ['Re: [SD-123] Printer jams', 'SD-123'],
    ['Re: Fwd: [SD-123] Printer jams', 'SD-123'],
    ['AW: [sd-7] Drucker', 'SD-7'],
    ['Printer jams [SD-42]', 'SD-42'],
    ['RE: [ SD-5 ] spaces inside', 'SD-5'],
    ['[SD-1] and later [SD-2]', 'SD-1'],
  ])('finds the key in %j', (subject, key) => {
    expect(ticketKeyFromSubject(subject, 'SD')).toBe(key);
  });

  it.each(['Printer jams', 'SD-123 without brackets', '[SD-] empty', '[SD-0] not a key', '[XSD-12] other prefix', '[IT-12] other desk', '[SD-12x]'])('finds nothing in %j', (subject) => {
    expect(ticketKeyFromSubject(subject, 'SD')).toBeUndefined();
  });

  it('uses the configured prefix', () => {
    expect(ticketKeyFromSubject('Re: [HELP2-9] VPN', 'HELP2')).toBe('HELP2-9');
    expect(ticketKeyFromSubject('Re: [SD-9] VPN', 'HELP2')).toBeUndefined();
  });
});

describe('subjectWithToken', () => {
  it('puts the token in front of a new subject', () => {
    expect(subjectWithToken('Printer jams', 'SD-1')).toBe('[SD-1] Printer jams');
  });

  it('keeps Re: and Fwd: in front of the token', () => {
    expect(subjectWithToken('Re: Printer jams', 'SD-1')).toBe('Re: [SD-1] Printer jams');
    expect(subjectWithToken('RE: Fwd: Printer jams', 'SD-1')).toBe('RE: Fwd: [SD-1] Printer jams');
    expect(subjectWithToken('AW: Drucker', 'SD-1')).toBe('AW: [SD-1] Drucker');
  });

  it('adds the token only once', () => {
    expect(subjectWithToken('Re: [SD-1] Printer jams', 'SD-1')).toBe('Re: [SD-1] Printer jams');
    expect(subjectWithToken('Re: [sd-1] Printer jams', 'SD-1')).toBe('Re: [sd-1] Printer jams');
    const once = subjectWithToken('Printer jams', 'SD-1');
    expect(subjectWithToken(once, 'SD-1')).toBe(once);
  });

  it("replaces another ticket's token of the same desk", () => {
    expect(subjectWithToken('Re: [SD-1] Printer jams', 'SD-2')).toBe('Re: [SD-2] Printer jams');
  });

  it('gives the bare token for an empty subject', () => {
    expect(subjectWithToken('', 'SD-1')).toBe('[SD-1]');
    expect(subjectWithToken('Re: ', 'SD-1')).toBe('Re: [SD-1]');
  });

  it('round-trips with ticketKeyFromSubject', () => {
    expect(ticketKeyFromSubject(subjectWithToken('Re: VPN down', 'SD-314'), 'SD')).toBe('SD-314');
  });

  it('refuses something that is not a ticket key', () => {
    expect(() => subjectWithToken('x', 'printer')).toThrow('Not a ticket key: printer');
  });
});
