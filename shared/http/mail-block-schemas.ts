import * as z from 'zod';
import { BLOCK_KINDS, isBlockableDomain } from '../email/blocked-sender.ts';
import { oneLineText } from '../text/normalise-text.ts';

/** The HTTP contract of the blocklist: `POST /mail/blocked`, `GET /mail/blocked`, `DELETE /mail/blocked/{entry}`. */

const sender = z
  .email('not an email address such as robot@example.org')
  .max(254)
  .transform((value) => value.toLowerCase());
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/\.$/, ''))
  .refine(isBlockableDomain, 'not a domain such as example.org (no @, at least two labels)');

export const blockMailBodySchema = z
  .strictObject({
    sender: sender.optional().describe('One address to block; its domain stays open'),
    domain: domain.optional().describe('A domain to block with its subdomains, e.g. example.org'),
    note: z.string().overwrite(oneLineText).trim().max(500).optional().describe('Why, for the other admins'),
  })
  .superRefine((body, context) => {
    if (body.sender !== undefined && body.domain !== undefined) context.addIssue({ code: 'custom', path: ['domain'], message: 'send either sender or domain, not both' });
    if (body.sender === undefined && body.domain === undefined) context.addIssue({ code: 'custom', path: ['sender'], message: 'send sender (an address) or domain' });
  })
  .meta({ id: 'BlockMail' });

export type BlockMailBody = z.output<typeof blockMailBodySchema>;

/** `DELETE /mail/blocked/{entry}`: an address names a blocked sender, anything else a blocked domain. */
export const blockEntryParamSchema = z.string().pipe(z.union([sender, domain], { error: 'not a blocked sender (an address) or domain (such as example.org)' }));

export const blockedSenderSchema = z
  .object({
    kind: z.enum(BLOCK_KINDS),
    value: z.string().describe('The address or the domain'),
    blockedAt: z.iso.datetime(),
    blockedBy: z.string().describe('The admin who blocked it'),
    note: z.string().optional(),
  })
  .meta({ id: 'BlockedSender' });

export const blockedSenderResponseSchema = z.object({ blocked: blockedSenderSchema }).meta({ id: 'BlockedSenderResponse' });

export const blockedSenderListSchema = z.object({ items: z.array(blockedSenderSchema) }).meta({ id: 'BlockedSenderList' });
