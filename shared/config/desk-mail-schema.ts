import * as z from 'zod';
import { multiLineText } from '../text/normalise-text.ts';
import { emailSchema } from './config-primitives.ts';

/** Plain text, line breaks kept, as signatures are written; emptiness and length are checked with the desk's references. */
const signatureText = z.string().overwrite(multiLineText).trim();

/**
 * A desk's own mailbox: mail to one of its addresses opens its ticket on this desk, and replies on
 * the desk's tickets go out from its first address, under its name, with its signature.
 */
export const deskEmailSchema = z.strictObject({
  addresses: z
    .array(emailSchema)
    .min(1, 'name at least one address, like hr@desk.example.com, or leave email out')
    .describe(
      "The desk's own addresses (verified SES identities, on the domain of email.address or one of email.otherDomains). Mail to one opens its ticket on this desk, before routing rules, which may still move it; the first is what the desk's replies come from and the base of their signed reply addresses.",
    ),
  name: z.string().min(1).max(100).optional().describe("The sender name of the desk's mail, like Example HR; by default the desk's name."),
  signature: signatureText
    .optional()
    .describe("Plain text, line breaks kept, that ends each public reply mailed from this desk's tickets, after the agent's signature. Not empty, and as long as users[].signature may be."),
});
export type DeskEmailConfig = z.output<typeof deskEmailSchema>;

/** Per desk id, the signature an agent's public replies on that desk's tickets end with instead of `signature`. */
export const deskSignaturesSchema = z
  .record(z.string(), signatureText)
  .optional()
  .describe(
    "Per desk id (a desk this person works: a member of one of its levels or its manager), the signature that ends this agent's public replies on that desk's tickets instead of `signature`, like { hr: 'Hana Hansen\\nHR team' }. Not empty, and as long as `signature` may be.",
  );
export type DeskSignatures = NonNullable<z.output<typeof deskSignaturesSchema>>;
