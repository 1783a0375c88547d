import * as z from 'zod';
import { emailSchema, idSchema } from './config-primitives.ts';
import { languageCodeSchema } from './language-schema.ts';

/**
 * What the desk knows about people beyond their sign-in: organisation, location, VIP flag and
 * manager (the approver of `requester_manager` steps). Requesters need no entry.
 */
export const directoryEntrySchema = z.strictObject({
  email: emailSchema.describe("The person's address; unique in the directory."),
  name: z.string().min(1).max(200).optional().describe('Their name, as mail to them and the desk show it.'),
  organisation: z.string().min(1).max(200).optional().describe('Their organisation or department, which routing rules and SLA policies match (case and spacing aside).'),
  location: z.string().min(1).max(200).optional().describe('Their site, which routing rules and SLA policies match (case and spacing aside).'),
  vip: z.boolean().default(false).describe('Marks a VIP, which routing rules and SLA policies can match.'),
  manager: emailSchema.optional().describe('Their manager, by email: the approver of their requester_manager approval steps.'),
  /** Addresses this person's mail may name in Reply-To for answers to go to (an assistant, a shared mailbox in another domain). */
  replyTo: z.array(emailSchema).optional().describe("Addresses this person's mail may name in Reply-To for the desk's answers to go to (an assistant, a shared mailbox in another domain)."),
  language: languageCodeSchema
    .optional()
    .describe("The language the desk's mail and pages to this person are written in (en, de, or one `email.templates` gives); it wins over the language their mail is written in."),
});

/** A named set of people, e.g. the approvers of software purchases. */
export const groupSchema = z.strictObject({
  id: idSchema.describe("The group's id, which approval steps name; unique."),
  name: z.string().min(1).max(100).describe('What the desk calls the group.'),
  members: z.array(emailSchema).min(1, 'a group needs at least one member').describe('Its people, by email; they need not be staff.'),
});

export type DirectoryEntry = z.output<typeof directoryEntrySchema>;
export type Group = z.output<typeof groupSchema>;
