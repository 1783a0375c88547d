import { describe, expect, it } from 'vitest';
import { deriveKey } from '../../../shared/auth/derive-key.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';
import type { InboundMail } from '../../../shared/email/inbound-mail.ts';
import { replyAddress } from '../../../shared/email/plus-address.ts';
import type { SesVerdicts } from '../../../shared/email/ses-verdicts.ts';
import type { ClaimRecord } from '../../../shared/ports/ticket-store.ts';
import { isNewParticipantReply } from '../../../shared/use-cases/new-participant.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

const config = parseConfig({
  ticketKeyPrefix: 'SD',
  defaultDesk: 'it',
  users: [{ email: 'alice@example.com', name: 'Alice Agent', role: 'agent' }],
  desks: [{ id: 'it', name: 'IT Support', levels: [{ id: 'l1', name: 'Level 1', members: ['alice@example.com'] }] }],
  email: { address: 'support@desk.example.com', name: 'Example Desk' },
});
const secret = deriveKey(new TextEncoder().encode('a test secret of enough length!!'), 'reply-address');
/** The thread index: ids of mail the desk received or sent, by the ticket they belong to. */
const claims: Record<string, ClaimRecord> = { '<ack@email.amazonses.com>': { ticketKey: 'SD-7' }, '<other@mail.example.org>': { ticketKey: 'SD-8' } };
const deps = { config, replyAddressSecret: secret, store: { findClaim: async (_caller: string, key: string) => claims[key] } };
const ticket = { ...aTicket(), key: 'SD-7' };
const pass: SesVerdicts = { dmarc: 'pass' };

const reply = (fields: Partial<InboundMail>): InboundMail =>
  ({ references: [], replyTo: [], to: [{ address: 'support@desk.example.com' }], cc: [], subject: 'Re: [SD-7] Printer offline', text: 'Same here.', attachments: [], headers: [], ...fields }) as InboundMail;

describe('a reply from someone not on the ticket', () => {
  it.each([
    ['In-Reply-To naming a mail of the ticket', true, reply({ inReplyTo: '<ack@email.amazonses.com>' })],
    ['only References naming one, after ids the desk never saw', true, reply({ inReplyTo: '<unknown@gmail.com>', references: ['<ack@email.amazonses.com>', '<unknown@gmail.com>'] })],
    ['its signed reply address', true, reply({ to: [{ address: replyAddress('support@desk.example.com', 'SD-7', secret) }] })],
    ['the subject token alone', false, reply({})],
    ["ids of another ticket's thread", false, reply({ inReplyTo: '<other@mail.example.org>' })],
    ["another ticket's signed address", false, reply({ cc: [{ address: replyAddress('support@desk.example.com', 'SD-8', secret) }] })],
  ] as [string, boolean, InboundMail][])('by %s answers the thread: %s', async (_how, expected, mail) => {
    expect(await isNewParticipantReply(deps, ticket, mail, pass)).toBe(expected);
  });

  it('never does when DMARC failed, whatever it names', async () => {
    expect(await isNewParticipantReply(deps, ticket, reply({ inReplyTo: '<ack@email.amazonses.com>' }), { dmarc: 'fail' })).toBe(false);
  });
});
