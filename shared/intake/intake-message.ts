import * as z from '../schema/zod-mini.ts';
import { createTicketBodySchema } from '../http/api-schemas.ts';

/**
 * A message another system (monitoring, a web form) puts on the intake queue. `ticket` is the body
 * of `POST /tickets`; `source` and `externalId` name the thing it reports, so that a repeat appends
 * to the ticket it opened instead of opening another. Files are not attached this way: uploads
 * belong to signed-in people.
 */
export const intakeMessageSchema = z
  .strictObject({
    source: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,31}$/, 'use 1-32 lower-case letters, digits or dashes, starting with a letter'), z.describe('The sending system, e.g. monitoring')),
    externalId: z.string().check(z.trim(), z.minLength(1), z.maxLength(200), z.describe("The sender's id of what it reports, e.g. an alert id")),
    ticket: z.omit(createTicketBodySchema, { attachments: true }),
  })
  .register(z.globalRegistry, { id: 'IntakeMessage' });

export type IntakeMessage = z.output<typeof intakeMessageSchema>;

/** A message that is not JSON or not an intake message; `problems` name each field, e.g. `ticket.subject: ...`. */
export class InvalidIntakeMessageError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid intake message: ${problems.join('; ')}`);
    this.name = 'InvalidIntakeMessageError';
  }
}

/** Reads an SQS message body as an intake message, or says what is wrong with it, field by field. */
export function parseIntakeMessage(body: string): IntakeMessage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new InvalidIntakeMessageError([`body: not JSON (${(error as Error).message})`]);
  }
  const parsed = z.safeParse(intakeMessageSchema, json);
  if (!parsed.success) throw new InvalidIntakeMessageError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`));
  return parsed.data;
}
