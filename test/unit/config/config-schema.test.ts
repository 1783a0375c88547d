import { describe, expect, it } from 'vitest';
import rawConfig from '../../../servicedesk.config.ts';
import { ConfigError } from '../../../shared/config/config-error.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';

const valid = {
  ticketKeyPrefix: 'SD',
  defaultDesk: 'it',
  users: [{ email: 'Alice@Example.com', name: 'Alice', role: 'agent' }],
  desks: [{ id: 'it', name: 'IT', levels: [{ id: 'l1', name: 'Level 1', members: ['alice@example.com'] }] }],
};

function problemsOf(input: unknown): string[] {
  try {
    parseConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected the configuration to be refused');
}

describe('service desk configuration', () => {
  it('accepts the shipped demo configuration', () => {
    expect(parseConfig(rawConfig).desks.map((desk) => desk.id)).toEqual(['it', 'hr', 'facilities']);
  });

  it('lower-cases emails so membership checks match', () => {
    expect(parseConfig(valid).users[0]!.email).toBe('alice@example.com');
  });

  it('names the path of a member who is not a user, and how to fix it', () => {
    const input = structuredClone(valid);
    input.desks[0]!.levels[0]!.members.push('ghost@example.com');
    expect(problemsOf(input)).toEqual(['desks[0].levels[0].members[1]: ghost@example.com is not in users; add it there with role agent, manager or admin']);
  });

  it('names an unknown default desk and lists the known ones', () => {
    expect(problemsOf({ ...valid, defaultDesk: 'hr' })).toEqual(['defaultDesk: "hr" is not a desk id; use one of it']);
  });

  it('refuses a badly formed key prefix and a desk without levels, reporting both', () => {
    const problems = problemsOf({ ...valid, ticketKeyPrefix: 'sd-', desks: [{ id: 'it', name: 'IT', levels: [] }] });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^ticketKeyPrefix: /);
    expect(problems[1]).toBe('desks[0].levels: a desk needs at least one level');
  });

  it('refuses an agent as desk manager', () => {
    const input = { ...valid, desks: [{ ...valid.desks[0]!, managers: ['alice@example.com'] }] };
    expect(problemsOf(input)).toEqual(['desks[0].managers[0]: alice@example.com must be in users with role manager or admin']);
  });

  it('refuses a misspelt key wherever it is, naming where, rather than falling back to a default', () => {
    const input = structuredClone(valid) as Record<string, unknown> & typeof valid;
    (input.desks[0]!.levels[0] as Record<string, unknown>).asignment = 'round_robin';
    (input.users[0] as Record<string, unknown>).rol = 'admin';
    input.ticketKeyPrefx = 'HD';
    expect(problemsOf(input)).toEqual(['users[0]: Unrecognized key: "rol"', 'desks[0].levels[0]: Unrecognized key: "asignment"', '(root): Unrecognized key: "ticketKeyPrefx"']);
  });

  it('refuses duplicate desk ids', () => {
    expect(problemsOf({ ...valid, desks: [valid.desks[0], valid.desks[0]] })).toEqual(['desks[1].id: duplicate desk id "it"']);
  });
});

describe('agent signatures', () => {
  const withSignature = (signature: unknown) => ({ ...valid, users: [{ ...valid.users[0]!, signature }] });

  it('keeps a signature of several lines, with line breaks as \\n and no stray white space around it', () => {
    expect(parseConfig(withSignature('  Alice Agent\r\nIT Service Desk\r\n+49 30 1234  \n')).users[0]!.signature).toBe('Alice Agent\nIT Service Desk\n+49 30 1234');
  });

  it('leaves the signature out when none is given', () => {
    expect(parseConfig(valid).users[0]).not.toHaveProperty('signature');
  });

  it('names the staff entry whose signature is too long, and the limit', () => {
    expect(problemsOf(withSignature('x'.repeat(1001)))).toEqual(['users[0].signature: the signature of alice@example.com has 1001 characters; shorten it to at most 1000']);
    expect(parseConfig(withSignature('x'.repeat(1000))).users[0]!.signature).toHaveLength(1000);
  });

  it('refuses an empty signature, and one that is not text', () => {
    expect(problemsOf(withSignature(' \n '))).toEqual(['users[0].signature: the signature of alice@example.com is empty; write one or leave signature out']);
    expect(problemsOf(withSignature(42))).toEqual([expect.stringMatching(/^users\[0\]\.signature: /)]);
  });
});
