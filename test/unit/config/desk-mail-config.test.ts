import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../shared/config/config-error.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';

/** Two desks on desk.example.com; each case changes one thing. */
function deskConfig() {
  return {
    ticketKeyPrefix: 'SD',
    defaultDesk: 'it',
    email: { address: 'support@desk.example.com' } as { address: string; otherDomains?: string[] },
    users: [
      { email: 'alice@example.com', name: 'Alice', role: 'agent' } as { email: string; name: string; role: string; deskSignatures?: Record<string, string> },
      { email: 'hana@example.com', name: 'Hana', role: 'agent' },
    ],
    desks: [
      { id: 'it', name: 'IT', levels: [{ id: 'l1', name: 'Level 1', members: ['alice@example.com'] }], email: { addresses: ['it@desk.example.com'] } as { addresses: string[]; signature?: string } | undefined },
      { id: 'hr', name: 'HR', levels: [{ id: 'l1', name: 'HR team', members: ['hana@example.com'] }], email: { addresses: ['hr@desk.example.com'] } as { addresses: string[]; signature?: string } | undefined },
    ],
  };
}

function problemsOf(input: unknown): string[] {
  try {
    parseConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected the configuration to be refused');
}

describe("desks' own addresses in the configuration", () => {
  it('accepts an address per desk, lower-cased, and per-desk signatures of the desks an agent works', () => {
    const input = deskConfig();
    input.desks[1]!.email = { addresses: ['HR@desk.example.com', 'people@desk.example.com'], signature: ' HR team\r\n' };
    input.users[1]!.deskSignatures = { hr: 'Hana\nHR' };
    const config = parseConfig(input);
    expect(config.desks[1]!.email).toEqual({ addresses: ['hr@desk.example.com', 'people@desk.example.com'], signature: 'HR team' });
    expect(config.users[1]!.deskSignatures).toEqual({ hr: 'Hana\nHR' });
  });

  it('names an address that two desks share, and the fix', () => {
    const input = deskConfig();
    input.desks[1]!.email = { addresses: ['it@desk.example.com'] };
    expect(problemsOf(input)).toEqual(['desks[1].email.addresses[0]: it@desk.example.com is already an address of desk it; give each address to one desk only']);
  });

  it('names a desk address that is the desk-wide one', () => {
    const input = deskConfig();
    input.desks[0]!.email = { addresses: ['support@desk.example.com'] };
    expect(problemsOf(input)).toEqual(['desks[0].email.addresses[0]: support@desk.example.com is already the desk-wide address (email.address); give each address to one desk only']);
  });

  it('names an address on a domain no receipt rule receives, and the two fixes', () => {
    const input = deskConfig();
    input.desks[1]!.email = { addresses: ['hr@people.example.com'] };
    expect(problemsOf(input)).toEqual([
      "desks[1].email.addresses[0]: hr@people.example.com is on people.example.com, which no receipt rule receives (it receives desk.example.com); add 'people.example.com' to email.otherDomains and verify it in SES, or use an address on desk.example.com",
    ]);
    input.email.otherDomains = ['people.example.com'];
    expect(parseConfig(input).email!.otherDomains).toEqual(['people.example.com']);
  });

  it('names an address with a +, which signed reply addresses use', () => {
    const input = deskConfig();
    input.desks[1]!.email = { addresses: ['support+hr@desk.example.com'] };
    expect(problemsOf(input)).toEqual([
      "desks[1].email.addresses[0]: support+hr@desk.example.com holds a +, which the desk's signed reply addresses use; use an address without one, like support@desk.example.com",
    ]);
  });

  it('names desk addresses without the desk-wide mailbox', () => {
    const { email: _email, ...input } = deskConfig();
    expect(problemsOf(input)).toEqual([
      'desks[0].email: desk it has its own addresses but the desk has no mailbox; add email with the desk-wide address (like support@desk.example.com) or leave desks[0].email out',
      'desks[1].email: desk hr has its own addresses but the desk has no mailbox; add email with the desk-wide address (like support@desk.example.com) or leave desks[1].email out',
    ]);
  });

  it('names a desk signature for an unknown desk, and for a desk the agent does not work', () => {
    const input = deskConfig();
    input.users[0]!.deskSignatures = { helpdesk: 'Alice', hr: 'Alice, HR' };
    expect(problemsOf(input)).toEqual([
      'users[0].deskSignatures.helpdesk: unknown desk "helpdesk"; use one of it, hr',
      'users[0].deskSignatures.hr: alice@example.com does not work desk hr (no member of its levels, not its manager); add them to the desk or remove this signature',
    ]);
  });

  it('names an empty or overlong signature of a desk and of an agent for a desk', () => {
    const input = deskConfig();
    input.desks[0]!.email = { addresses: ['it@desk.example.com'], signature: '  ' };
    input.users[0]!.deskSignatures = { it: 'x'.repeat(1001) };
    expect(problemsOf(input)).toEqual([
      'desks[0].email.signature: the signature of desk it is empty; write one or leave it out',
      'users[0].deskSignatures.it: the signature of alice@example.com for desk it has 1001 characters; shorten it to at most 1000',
    ]);
  });

  it('names an empty address list', () => {
    const input = deskConfig();
    input.desks[0]!.email = { addresses: [] };
    expect(problemsOf(input)).toEqual(['desks[0].email.addresses: name at least one address, like hr@desk.example.com, or leave email out']);
  });
});
