import * as z from '../schema/zod-mini.ts';
import { BLOCK_KINDS, isBlockableDomain } from '../email/blocked-sender.ts';
import { oneLineText } from '../text/normalise-text.ts';

/** The HTTP contract of the blocklist: `POST /mail/blocked`, `GET /mail/blocked`, `DELETE /mail/blocked/{entry}`. */

const sender = z.pipe(
  z.email('not an email address such as robot@example.org').check(z.maxLength(254)),
  z.transform((value: string) => value.toLowerCase()),
);
const domain = z
  .pipe(
    z.string().check(z.trim(), z.toLowerCase()),
    z.transform((value: string) => value.replace(/\.$/, '')),
  )
  .check(z.refine(isBlockableDomain, 'not a domain such as example.org (no @, at least two labels)'));

export const blockMailBodySchema = z
  .strictObject({
    sender: z.optional(sender).check(z.describe('One address to block; its domain stays open')),
    domain: z.optional(domain).check(z.describe('A domain to block with its subdomains, e.g. example.org')),
    note: z.optional(z.string().check(z.overwrite(oneLineText), z.trim(), z.maxLength(500))).check(z.describe('Why, for the other admins')),
  })
  .check(
    z.superRefine((body, context) => {
      if (body.sender !== undefined && body.domain !== undefined) context.addIssue({ code: 'custom', path: ['domain'], message: 'send either sender or domain, not both' });
      if (body.sender === undefined && body.domain === undefined) context.addIssue({ code: 'custom', path: ['sender'], message: 'send sender (an address) or domain' });
    }),
  )
  .register(z.globalRegistry, { id: 'BlockMail' });

export type BlockMailBody = z.output<typeof blockMailBodySchema>;

/** `DELETE /mail/blocked/{entry}`: an address names a blocked sender, anything else a blocked domain. */
export const blockEntryParamSchema = z.pipe(z.string(), z.union([sender, domain], { error: 'not a blocked sender (an address) or domain (such as example.org)' }));

export const blockedSenderSchema = z
  .object({
    kind: z.enum(BLOCK_KINDS),
    value: z.string().check(z.describe('The address or the domain')),
    blockedAt: z.iso.datetime(),
    blockedBy: z.string().check(z.describe('The admin who blocked it')),
    note: z.optional(z.string()),
  })
  .register(z.globalRegistry, { id: 'BlockedSender' });

export const blockedSenderResponseSchema = z.object({ blocked: blockedSenderSchema }).register(z.globalRegistry, { id: 'BlockedSenderResponse' });

export const blockedSenderListSchema = z.object({ items: z.array(blockedSenderSchema) }).register(z.globalRegistry, { id: 'BlockedSenderList' });
