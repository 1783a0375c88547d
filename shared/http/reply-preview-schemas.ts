import * as z from 'zod';
import { LEFT_OUT_REASONS } from '../email/mail-recipients.ts';

/** `POST /tickets/{key}/reply-preview`: the mail a public reply sends, before it is sent. */
export const replyPreviewResponseSchema = z
  .object({
    from: z.string().describe("The desk's mailbox as the mail names it: `Name <address>`"),
    to: z.array(z.string()).describe('Where the mail goes: the requester (at the Reply-To kept for them), or the people copied when the requester cannot be mailed'),
    cc: z.array(z.string()).describe('The watchers, the people this reply copies among them'),
    subject: z.string().describe('With the ticket token, as sent'),
    text: z.string().describe("The plain-text part, ending with the agent's signature before the desk's footer"),
    html: z.string().optional().describe('The HTML part'),
    suppressed: z
      .array(
        z.object({
          address: z.string(),
          reason: z.enum(LEFT_OUT_REASONS).describe('unmailable: SES cannot send to the address; undeliverable: mail to it bounced for good; not_mailed: a reply of this caller is not mailed at all'),
          detail: z.string().describe('The reason in words'),
        }),
      )
      .describe('Addresses the mail leaves out, and why'),
  })
  .meta({ id: 'ReplyPreview' });

export type ReplyPreviewResponse = z.output<typeof replyPreviewResponseSchema>;
