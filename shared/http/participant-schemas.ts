import * as z from 'zod';
import { UNVERIFIED_REASONS } from '../domain/ticket.ts';

/** The `{commentId}` path parameter: a comment's ULID. */
export const commentIdParamSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'not a comment id (a ULID such as 01JD0000000000000000000000)');

/** Why a comment is unverified, and who sent it. */
export const unverifiedMailSchema = z
  .object({
    reason: z
      .enum(UNVERIFIED_REASONS)
      .describe(
        'unauthenticated_staff: claims to come from staff, but SES did not authenticate the sender; new_participant: a reply on the thread from someone not on the ticket, which staff may accept (POST /tickets/{key}/comments/{commentId}/accept-sender)',
      ),
    sender: z.string().describe('The address the mail came from'),
  })
  .optional()
  .describe('With kind unverified: why, and who sent it (absent on older mail: unauthenticated_staff)');

/** Who accepted a new participant, and when. */
export const acceptedSenderSchema = z
  .object({
    sender: z.string().describe('The accepted address, now a watcher'),
    by: z.string().describe('Who accepted them'),
    at: z.iso.datetime(),
  })
  .optional()
  .describe("Set once staff accepted a new participant's mail: it is public since");
