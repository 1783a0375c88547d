import * as z from '../schema/zod-mini.ts';
import { CUSTOM_FIELDS_TOO_LARGE, customFieldsFit, isStorableNumber, NUMBER_NOT_STORABLE } from '../domain/custom-fields.ts';
import { IMPACTS, PRIORITIES, URGENCIES } from '../domain/priority.ts';
import { RESOLUTION_DECISIONS, TICKET_TYPES } from '../domain/ticket.ts';
import { TICKET_STATUSES } from '../domain/ticket-status.ts';
import { approvalToken, catalogItemId, deskId, email, multiLine, oneLine } from './field-schemas.ts';

/**
 * The HTTP contract's request bodies, as the functions validate them (zod/mini, see
 * shared/schema/zod-mini.ts). Query strings are in query-schemas.ts and list-query-schemas.ts, and the ticket key in
 * path-parameters.ts, so the read routes carry none of these. The responses are described in
 * api-response-schemas.ts; the OpenAPI document is generated from all of them.
 */

const tag = z.string().check(z.regex(/^[a-z0-9][a-z0-9_:-]{0,49}$/, 'use 1-50 lower-case letters, digits, _ : or -'));
const categoryPath = z.array(oneLine(z.minLength(1), z.maxLength(100))).check(z.maxLength(5));
const customFieldName = z.string().check(
  z.regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, 'use letters, digits and _, starting with a letter'),
  // A field named "constructor" makes the ticket look like a class instance to the DynamoDB marshaller.
  z.refine((name) => !(name in Object.prototype), 'is a reserved name'),
);
// 1e308 or 9007199254740993 would pass as JSON numbers and then fail in DynamoDB: refused here, by field.
const customFieldNumber = z.number().check(z.refine(isStorableNumber, NUMBER_NOT_STORABLE));
/** A value of a request form's field; responses show the same. */
export const customFieldValue = z.union([z.string().check(z.maxLength(2000)), customFieldNumber, z.boolean(), z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)), z.null()]);
const customFields = z.record(customFieldName, customFieldValue).check(z.refine(customFieldsFit, { message: CUSTOM_FIELDS_TOO_LARGE }));
// Named by CONFIRM_RESTRICTED_MOVE in shared/auth/access-policy.ts, where the move is checked.
const confirmRestrictedMove = z
  .optional(z.boolean())
  .check(z.describe('true confirms moving the ticket out of a restricted desk: its internal notes become visible to the new desk; without it such a move is refused (422)'));

// Upload ids are the ULIDs POST /uploads hands out; count and ownership are checked when they are attached.
const attachments = z
  .optional(z.array(z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'not an upload id from POST /uploads'))).check(z.maxLength(100)))
  .check(z.describe('Upload ids from POST /uploads, of files the caller uploaded'));

export const ticketTypeSchema = z.enum(TICKET_TYPES);
export const ticketStatusSchema = z.enum(TICKET_STATUSES);
export const prioritySchema = z.enum(PRIORITIES);
export const impactSchema = z.enum(IMPACTS);
export const urgencySchema = z.enum(URGENCIES);

export const requesterSchema = z.strictObject({ email, name: z.optional(oneLine(z.minLength(1), z.maxLength(200))) });

export const createTicketBodySchema = z
  .strictObject({
    catalogItem: catalogItemId('What is asked for (GET /catalog); routes the ticket and names its form'),
    type: z.optional(ticketTypeSchema).check(z.describe("Defaults to the catalog item's type, else incident")),
    subject: oneLine(z.minLength(1), z.maxLength(250)),
    description: z._default(multiLine(z.maxLength(50_000)), ''),
    requester: z.optional(requesterSchema).check(z.describe('Who asked; staff and clients must give it, a requester is itself')),
    priority: z.optional(prioritySchema).check(z.describe('Derived from impact x urgency when omitted')),
    impact: z.optional(impactSchema),
    urgency: z.optional(urgencySchema),
    category: z.optional(categoryPath).check(z.describe('Free category path; a catalog item sets its own')),
    desk: z.optional(deskId).check(z.describe('Staff only: skips routing. Defaults to routing by catalog item and rules')),
    tags: z._default(z.array(tag).check(z.maxLength(20)), []),
    customFields: z._default(customFields, {}).check(z.describe("The request form's values, by field id")),
    attachments,
  })
  .register(z.globalRegistry, { id: 'CreateTicket' });

export const updateTicketBodySchema = z
  .strictObject({
    subject: z.optional(oneLine(z.minLength(1), z.maxLength(250))),
    status: z.optional(ticketStatusSchema),
    priority: z.optional(prioritySchema),
    impact: z.optional(z.nullable(impactSchema)),
    urgency: z.optional(z.nullable(urgencySchema)),
    category: z.optional(categoryPath),
    catalogItem: catalogItemId('Recategorise: routes and assigns again'),
    desk: z.optional(deskId),
    level: z.optional(z.string().check(z.regex(/^[a-z][a-z0-9-]{0,31}$/, 'not a level id'))).check(z.describe('One level of the desk, by id; every level by default')),
    assignee: z.optional(z.nullable(email)).check(z.describe('An agent of the desk, or null to unassign')),
    tags: z.optional(z.array(tag).check(z.maxLength(20))),
    customFields: z.optional(customFields),
    confirmRestrictedMove,
  })
  .check(z.refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' }))
  .register(z.globalRegistry, { id: 'UpdateTicket' });

/** People a staff reply copies: shared by the reply and its preview. */
export const copiedPeopleSchema = z
  .optional(z.array(email).check(z.maxLength(10)))
  .check(
    z.describe(
      "Staff and write clients, on a public reply: up to 10 people to copy. They become watchers of the ticket (they get its public replies and may answer by mail, with none of the requester's rights), recorded in the history, and get this reply",
    ),
  );

export const addCommentBodySchema = z
  .strictObject({
    body: multiLine(z.trim(), z.minLength(1), z.maxLength(50_000)),
    public: z._default(z.boolean(), true).check(z.describe('false makes an internal note, visible to staff only')),
    html: z.optional(z.string().check(z.maxLength(200_000))).check(z.describe('Sanitised before it is stored')),
    attachments,
    cc: copiedPeopleSchema,
  })
  .check(z.refine((body) => body.public || !body.cc?.length, { message: 'only a public reply copies people: an internal note is never mailed', path: ['cc'] }))
  .register(z.globalRegistry, { id: 'AddComment' });

/** `POST /tickets/{key}/reply-preview`: the public reply being written, as far as it is. */
export const replyPreviewBodySchema = z
  .strictObject({
    body: z.optional(multiLine(z.trim(), z.maxLength(50_000))).check(z.describe('The reply as typed so far; without it the preview still names the recipients')),
    html: z.optional(z.string().check(z.maxLength(200_000))).check(z.describe("Sanitised as the reply's would be")),
    cc: copiedPeopleSchema,
  })
  .register(z.globalRegistry, { id: 'ReplyPreviewRequest' });

/** `POST /uploads`: the file the browser is about to send; the size limit is the configuration's. */
export const createUploadBodySchema = z
  .strictObject({
    fileName: oneLine(z.minLength(1), z.maxLength(255), z.describe('The file name the ticket lists and downloads give')),
    contentType: z
      .string()
      .check(
        z.regex(/^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/, 'use a media type such as image/png (no parameters); application/octet-stream when unknown'),
        z.describe('The Content-Type the form must send the file with'),
      ),
    size: z.number().check(z.int(), z.minimum(1, 'must be at least 1 byte: an empty file is not worth attaching'), z.describe('Bytes')),
  })
  .register(z.globalRegistry, { id: 'CreateUpload' });

export const escalateBodySchema = z
  .strictObject({ reason: z.optional(multiLine(z.trim(), z.minLength(1), z.maxLength(2000))).check(z.describe('Recorded in the history')), confirmRestrictedMove })
  .register(z.globalRegistry, { id: 'Escalate' });

const decisionFields = {
  decision: z.enum(['approve', 'reject']),
  comment: z.optional(multiLine(z.trim(), z.minLength(1), z.maxLength(5000))).check(z.describe('Required when rejecting: the requester reads it')),
};
const rejectionHasReason = (body: { decision: string; comment?: string | undefined }) => body.decision === 'approve' || body.comment !== undefined;
const rejectionReasonMissing = { message: 'give the reason for a rejection', path: ['comment'] };

export const approvalBodySchema = z.strictObject(decisionFields).check(z.refine(rejectionHasReason, rejectionReasonMissing)).register(z.globalRegistry, { id: 'ApprovalDecision' });

/** `POST /approvals/decide`: a decision taken through the signed link of an approval email. */
export const approvalLinkBodySchema = z
  .strictObject({ token: approvalToken(), ...decisionFields })
  .check(z.refine(rejectionHasReason, rejectionReasonMissing))
  .register(z.globalRegistry, { id: 'ApprovalLinkDecision' });

/**
 * `POST /approvals/decide` from the approval page's form: the same decision, plus the confirmation
 * that the page's script adds on a person's click (a form posted without the script has none).
 */
export const approvalPageFormSchema = z
  .strictObject({
    token: approvalToken(),
    confirmation: z
      .string({ error: 'missing: the approval page decides only on a click of Approve or Reject with JavaScript on; without it, sign in and decide with POST /tickets/{key}/approval' })
      .check(z.maxLength(200), z.describe("Added by the approval page's script when a person clicks Approve or Reject")),
    ...decisionFields,
  })
  .check(z.refine(rejectionHasReason, rejectionReasonMissing))
  .register(z.globalRegistry, { id: 'ApprovalPageDecision' });

/** `POST /tickets/{key}/resolution`: the requester of a resolved ticket confirms it (closed) or reopens it. */
export const resolutionBodySchema = z
  .strictObject({
    decision: z.enum(RESOLUTION_DECISIONS).check(z.describe('confirm closes the ticket; reopen sends it back to the desk')),
    comment: z.optional(multiLine(z.trim(), z.minLength(1), z.maxLength(50_000))).check(z.describe("Required when reopening: what is still wrong. Added as the requester's public comment")),
  })
  .check(z.refine((body) => body.decision === 'confirm' || body.comment !== undefined, { message: 'say what is still wrong when reopening', path: ['comment'] }))
  .register(z.globalRegistry, { id: 'ResolutionDecision' });

/** `POST /invitations`: staff invite a person to sign up to the portal. */
export const invitationBodySchema = z
  .strictObject({
    email: email.check(z.describe('The address the person signs up with')),
    name: z.optional(oneLine(z.minLength(1), z.maxLength(200))).check(z.describe('How the invitation mail greets them')),
  })
  .register(z.globalRegistry, { id: 'CreateInvitation' });

/** `PUT /agents/{email}/availability` body. */
export const setAvailabilityBodySchema = z.strictObject({ available: z.boolean().check(z.describe('false: automatic assignment skips the agent')) }).register(z.globalRegistry, { id: 'SetAgentAvailability' });

export type CreateTicketBody = z.output<typeof createTicketBodySchema>;
export type UpdateTicketBody = z.output<typeof updateTicketBodySchema>;
export type AddCommentBody = z.output<typeof addCommentBodySchema>;
export type ReplyPreviewBody = z.output<typeof replyPreviewBodySchema>;
export type ResolutionBody = z.output<typeof resolutionBodySchema>;
export type CreateUploadBody = z.output<typeof createUploadBodySchema>;
export type SetAvailabilityBody = z.output<typeof setAvailabilityBodySchema>;
