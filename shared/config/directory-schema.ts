import * as z from 'zod';
import { emailSchema, idSchema } from './config-primitives.ts';

/**
 * What the desk knows about people beyond their sign-in: organisation, location, VIP flag and
 * manager (the approver of `requester_manager` steps). Requesters need no entry.
 */
export const directoryEntrySchema = z.strictObject({
  email: emailSchema,
  name: z.string().min(1).max(200).optional(),
  organisation: z.string().min(1).max(200).optional(),
  location: z.string().min(1).max(200).optional(),
  vip: z.boolean().default(false),
  manager: emailSchema.optional(),
  /** Addresses this person's mail may name in Reply-To for answers to go to (an assistant, a shared mailbox in another domain). */
  replyTo: z.array(emailSchema).optional(),
});

/** A named set of people, e.g. the approvers of software purchases. */
export const groupSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1).max(100),
  members: z.array(emailSchema).min(1, 'a group needs at least one member'),
});

export type DirectoryEntry = z.output<typeof directoryEntrySchema>;
export type Group = z.output<typeof groupSchema>;
