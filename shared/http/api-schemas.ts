import * as z from 'zod';
import { CUSTOM_FIELDS_TOO_LARGE, customFieldsFit, isStorableNumber, NUMBER_NOT_STORABLE } from '../domain/custom-fields.ts';
import { APPROVAL_STEP_KINDS } from '../domain/approval.ts';
import { IMPACTS, PRIORITIES, URGENCIES, type Priority } from '../domain/priority.ts';
import { CHANNELS, RESOLUTION_DECISIONS, TICKET_TYPES } from '../domain/ticket.ts';
import { TICKET_STATUSES } from '../domain/ticket-status.ts';
import { WAITING_ON } from '../domain/waiting-on.ts';
import { multiLineText, oneLineText } from '../text/normalise-text.ts';
import { acceptedSenderSchema, unverifiedMailSchema } from './participant-schemas.ts';

/** The HTTP contract: request and response bodies. The OpenAPI document is generated from these. */

// Text fields are normalised before they are checked: one-line fields lose line breaks, and every
// field loses controls, bidi overrides and zero-width characters (shared/text/normalise-text.ts).
const oneLine = () => z.string().overwrite(oneLineText).trim();
const multiLine = () => z.string().overwrite(multiLineText);

const email = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());
const tag = z.string().regex(/^[a-z0-9][a-z0-9_:-]{0,49}$/, 'use 1-50 lower-case letters, digits, _ : or -');
const categoryPath = z.array(oneLine().min(1).max(100)).max(5);
const customFieldName = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, 'use letters, digits and _, starting with a letter')
  // A field named "constructor" makes the ticket look like a class instance to the DynamoDB marshaller.
  .refine((name) => !(name in Object.prototype), 'is a reserved name');
// 1e308 or 9007199254740993 would pass as JSON numbers and then fail in DynamoDB: refused here, by field.
const customFieldNumber = z.number().refine(isStorableNumber, NUMBER_NOT_STORABLE);
const customFieldValue = z.union([z.string().max(2000), customFieldNumber, z.boolean(), z.array(z.string().max(200)).max(50), z.null()]);
const customFields = z.record(customFieldName, customFieldValue).refine(customFieldsFit, { message: CUSTOM_FIELDS_TOO_LARGE });
const deskId = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'not a desk id');
// Named by CONFIRM_RESTRICTED_MOVE in shared/auth/access-policy.ts, where the move is checked.
const confirmRestrictedMove = z
  .boolean()
  .optional()
  .describe('true confirms moving the ticket out of a restricted desk: its internal notes become visible to the new desk; without it such a move is refused (422)');

// Upload ids are the ULIDs POST /uploads hands out; count and ownership are checked when they are attached.
const attachments = z
  .array(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'not an upload id from POST /uploads'))
  .max(100)
  .optional()
  .describe('Upload ids from POST /uploads, of files the caller uploaded');

export const ticketTypeSchema = z.enum(TICKET_TYPES);
export const ticketStatusSchema = z.enum(TICKET_STATUSES);
export const prioritySchema = z.enum(PRIORITIES);
export const impactSchema = z.enum(IMPACTS);
export const urgencySchema = z.enum(URGENCIES);

export const requesterSchema = z.strictObject({ email, name: oneLine().min(1).max(200).optional() });

export const createTicketBodySchema = z
  .strictObject({
    catalogItem: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,31}$/, 'not a catalog item id')
      .optional()
      .describe('What is asked for (GET /catalog); routes the ticket and names its form'),
    type: ticketTypeSchema.optional().describe("Defaults to the catalog item's type, else incident"),
    subject: oneLine().min(1).max(250),
    description: multiLine().max(50_000).default(''),
    requester: requesterSchema.optional().describe('Who asked; staff and clients must give it, a requester is itself'),
    priority: prioritySchema.optional().describe('Derived from impact x urgency when omitted'),
    impact: impactSchema.optional(),
    urgency: urgencySchema.optional(),
    category: categoryPath.optional().describe('Free category path; a catalog item sets its own'),
    desk: deskId.optional().describe('Staff only: skips routing. Defaults to routing by catalog item and rules'),
    tags: z.array(tag).max(20).default([]),
    customFields: customFields.default({}).describe("The request form's values, by field id"),
    attachments,
  })
  .meta({ id: 'CreateTicket' });

export const updateTicketBodySchema = z
  .strictObject({
    subject: oneLine().min(1).max(250).optional(),
    status: ticketStatusSchema.optional(),
    priority: prioritySchema.optional(),
    impact: impactSchema.nullable().optional(),
    urgency: urgencySchema.nullable().optional(),
    category: categoryPath.optional(),
    catalogItem: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,31}$/, 'not a catalog item id')
      .optional()
      .describe('Recategorise: routes and assigns again'),
    desk: deskId.optional(),
    level: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,31}$/, 'not a level id')
      .optional()
      .describe('One level of the desk, by id; every level by default'),
    assignee: email.nullable().optional().describe('An agent of the desk, or null to unassign'),
    tags: z.array(tag).max(20).optional(),
    customFields: customFields.optional(),
    confirmRestrictedMove,
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' })
  .meta({ id: 'UpdateTicket' });

/** People a staff reply copies: shared by the reply and its preview. */
export const copiedPeopleSchema = z
  .array(email)
  .max(10)
  .optional()
  .describe(
    "Staff and write clients, on a public reply: up to 10 people to copy. They become watchers of the ticket (they get its public replies and may answer by mail, with none of the requester's rights), recorded in the history, and get this reply",
  );

export const addCommentBodySchema = z
  .strictObject({
    body: multiLine().trim().min(1).max(50_000),
    public: z.boolean().default(true).describe('false makes an internal note, visible to staff only'),
    html: z.string().max(200_000).optional().describe('Sanitised before it is stored'),
    attachments,
    cc: copiedPeopleSchema,
  })
  .refine((body) => body.public || !body.cc?.length, { message: 'only a public reply copies people: an internal note is never mailed', path: ['cc'] })
  .meta({ id: 'AddComment' });

/** `POST /tickets/{key}/reply-preview`: the public reply being written, as far as it is. */
export const replyPreviewBodySchema = z
  .strictObject({
    body: multiLine().trim().max(50_000).optional().describe('The reply as typed so far; without it the preview still names the recipients'),
    html: z.string().max(200_000).optional().describe("Sanitised as the reply's would be"),
    cc: copiedPeopleSchema,
  })
  .meta({ id: 'ReplyPreviewRequest' });

/** `POST /uploads`: the file the browser is about to send; the size limit is the configuration's. */
export const createUploadBodySchema = z
  .strictObject({
    fileName: oneLine().min(1).max(255).describe('The file name the ticket lists and downloads give'),
    contentType: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/, 'use a media type such as image/png (no parameters); application/octet-stream when unknown')
      .describe('The Content-Type the form must send the file with'),
    size: z.number().int().min(1, 'must be at least 1 byte: an empty file is not worth attaching').describe('Bytes'),
  })
  .meta({ id: 'CreateUpload' });

export const escalateBodySchema = z.strictObject({ reason: multiLine().trim().min(1).max(2000).optional().describe('Recorded in the history'), confirmRestrictedMove }).meta({ id: 'Escalate' });

const decisionFields = {
  decision: z.enum(['approve', 'reject']),
  comment: multiLine().trim().min(1).max(5000).optional().describe('Required when rejecting: the requester reads it'),
};
const rejectionHasReason = (body: { decision: string; comment?: string | undefined }) => body.decision === 'approve' || body.comment !== undefined;
const rejectionReasonMissing = { message: 'give the reason for a rejection', path: ['comment'] };

export const approvalBodySchema = z.strictObject(decisionFields).refine(rejectionHasReason, rejectionReasonMissing).meta({ id: 'ApprovalDecision' });

/** `POST /approvals/decide`: a decision taken through the signed link of an approval email. */
export const approvalLinkBodySchema = z
  .strictObject({ token: z.string().min(20).max(4000).describe('The token of the approval link'), ...decisionFields })
  .refine(rejectionHasReason, rejectionReasonMissing)
  .meta({ id: 'ApprovalLinkDecision' });

/**
 * `POST /approvals/decide` from the approval page's form: the same decision, plus the confirmation
 * that the page's script adds on a person's click (a form posted without the script has none).
 */
export const approvalPageFormSchema = z
  .strictObject({
    token: z.string().min(20).max(4000).describe('The token of the approval link'),
    confirmation: z
      .string({ error: 'missing: the approval page decides only on a click of Approve or Reject with JavaScript on; without it, sign in and decide with POST /tickets/{key}/approval' })
      .max(200)
      .describe("Added by the approval page's script when a person clicks Approve or Reject"),
    ...decisionFields,
  })
  .refine(rejectionHasReason, rejectionReasonMissing)
  .meta({ id: 'ApprovalPageDecision' });

/** `POST /tickets/{key}/resolution`: the requester of a resolved ticket confirms it (closed) or reopens it. */
export const resolutionBodySchema = z
  .strictObject({
    decision: z.enum(RESOLUTION_DECISIONS).describe('confirm closes the ticket; reopen sends it back to the desk'),
    comment: multiLine().trim().min(1).max(50_000).optional().describe("Required when reopening: what is still wrong. Added as the requester's public comment"),
  })
  .refine((body) => body.decision === 'confirm' || body.comment !== undefined, { message: 'say what is still wrong when reopening', path: ['comment'] })
  .meta({ id: 'ResolutionDecision' });

/** `POST /invitations`: staff invite a person to sign up to the portal. */
export const invitationBodySchema = z
  .strictObject({
    email: email.describe('The address the person signs up with'),
    name: oneLine().min(1).max(200).optional().describe('How the invitation mail greets them'),
  })
  .meta({ id: 'CreateInvitation' });

/** `GET /tickets/{key}/attachments?location=`: one stored file, by the location the ticket lists. */
export const attachmentQuerySchema = z.strictObject({
  location: z
    .string()
    .regex(/^attachments\/[0-9a-f]{32}\/\d{1,3}\/[A-Za-z0-9._-]{1,100}$/, "not the location of a stored attachment (see the ticket's attachments)")
    .describe('The `location` of an attachment of the ticket or of one of its comments'),
});

/** `GET /approvals/decide?token=`: the page an approval email links to. */
export const approvalPageQuerySchema = z.strictObject({ token: z.string().min(20).max(4000).describe('The token of the approval link') });

/** `PUT /agents/{email}/availability` body. */
export const setAvailabilityBodySchema = z.strictObject({ available: z.boolean().describe('false: automatic assignment skips the agent') }).meta({ id: 'SetAgentAvailability' });

/** `status` takes one or more statuses separated by commas, or `active` (default) or `all`. */
const statusFilter = z
  .string()
  .regex(/^(active|all|[a-z_]+(,[a-z_]+)*)$/, 'use active, all, or statuses separated by commas')
  .refine((value) => ['active', 'all'].includes(value) || value.split(',').every((s) => (TICKET_STATUSES as readonly string[]).includes(s)), {
    message: `statuses are ${TICKET_STATUSES.join(', ')}`,
  })
  .default('active')
  .describe('Statuses separated by commas (`open,pending`), `active` (the default: pending_approval, new, open, pending and on_hold) or `all`');

/** Where the next page starts; a page's `limit` is its size. */
const cursorParameter = z.string().max(4000).optional().describe('The `nextCursor` of the previous page; left out for the first page');
const pageSize = (fallback: number) => z.coerce.number().int().min(1).max(100).default(fallback).describe('How many items a page holds at most');

// Filters of the queue lists (GET /tickets, GET /desks/{id}/queue), all applied by the store.
const priorityFilter = z
  .string()
  .refine((value) => value.split(',').every((priority) => (PRIORITIES as readonly string[]).includes(priority)), {
    message: `use one or more of ${PRIORITIES.join(', ')}, separated by commas`,
  })
  .transform((value) => [...new Set(value.split(','))] as Priority[])
  .optional()
  .describe('Only these priorities, separated by commas: P1 or P1,P2');
const channelFilter = z.enum(CHANNELS).optional().describe('Only tickets that came in this way');
const catalogItemFilter = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'not a catalog item id')
  .optional()
  .describe('Only tickets of this catalog item (GET /catalog)');
const slaFilter = z.enum(['at_risk', 'breached']).optional().describe('Only tickets whose SLA is at risk (a warning fired) or breached');
const orderOption = z
  .enum(['priority', 'due'])
  .optional()
  .describe('priority (default): priority, then age; due: the nearest SLA deadline first (breached ones first, tickets with no running clock last, by priority and age); due lists active statuses only');

export const listTicketsQuerySchema = z.strictObject({
  desk: deskId.optional().describe("A desk's queue: its tickets (staff of the desk, read clients)"),
  status: statusFilter,
  assignee: z
    .union([z.literal('me'), email])
    .optional()
    .describe('An agent email, or me'),
  requester: email.optional().describe("A requester's tickets, newest first; requesters may give only their own address"),
  sla: slaFilter,
  priority: priorityFilter,
  channel: channelFilter,
  catalogItem: catalogItemFilter,
  order: orderOption,
  cursor: cursorParameter,
  limit: pageSize(25),
});

export const deskQueueQuerySchema = z.strictObject({
  level: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,31}$/, 'not a level id')
    .optional()
    .describe('One level of the desk, by id; every level by default'),
  status: statusFilter,
  assignee: z
    .union([z.literal('me'), z.literal('none'), email])
    .optional()
    .describe('An agent email, me, or none for unassigned tickets'),
  sla: slaFilter,
  priority: priorityFilter,
  channel: channelFilter,
  catalogItem: catalogItemFilter,
  order: orderOption,
  cursor: cursorParameter,
  limit: pageSize(25),
});

export type DeskQueueQuery = z.output<typeof deskQueueQuerySchema>;

/** `GET /me/approvals`: a page of the requests waiting for the caller's decision. */
export const myApprovalsQuerySchema = z.strictObject({
  cursor: cursorParameter,
  limit: pageSize(25),
});

export const quarantineQuerySchema = z.strictObject({
  day: z.iso.date().optional().describe('UTC day, YYYY-MM-DD; today by default'),
});

export const historyQuerySchema = z.strictObject({
  cursor: cursorParameter,
  limit: pageSize(50),
});

export const ticketKeyParamSchema = z.string().regex(/^[A-Z][A-Z0-9]{0,9}-[1-9][0-9]{0,11}$/, 'not a ticket key such as SD-42');

// Responses

const timestamp = z.iso.datetime();

export const attachmentSchema = z
  .object({
    name: z.string(),
    contentType: z.string(),
    size: z.number().int().describe('Bytes'),
    location: z.string().optional().describe('Object key in the mail bucket; absent when the file was not stored'),
    inline: z.boolean().optional().describe('An image shown inside the mail body'),
    refused: z.string().optional().describe('Why the file was not stored, e.g. over the size limit'),
  })
  .meta({ id: 'Attachment' });

const unlistedAttachmentsSchema = z.object({ count: z.number().int(), bytes: z.number().int() }).optional().describe('Files of the mail beyond the listed ones: counted, kept only in the raw mail');

export const ticketSchema = z
  .object({
    key: z.string(),
    type: ticketTypeSchema,
    subject: z.string(),
    description: z.string(),
    requester: z.object({
      email: z.string(),
      name: z.string().optional(),
      organisation: z.string().optional(),
      location: z.string().optional(),
      vip: z.boolean().optional(),
      replyTo: z.string().optional().describe("Where mail to the requester goes: a Reply-To in the sender's own domain or listed for them in the directory"),
      unmailable: z.string().optional().describe('Why the desk cannot mail the requester; nothing is sent to them'),
    }),
    status: ticketStatusSchema,
    waitingOn: z.enum(WAITING_ON).optional().describe('Whose move the ticket waits for: requester (pending), approval (a step is open), desk; absent once resolved or closed'),
    priority: prioritySchema,
    impact: impactSchema.optional(),
    urgency: urgencySchema.optional(),
    category: z.array(z.string()),
    catalogItem: z.string().optional(),
    desk: z.string(),
    level: z.string(),
    assignee: z.string().optional(),
    tags: z.array(z.string()),
    customFields: z.record(z.string(), customFieldValue),
    channel: z.enum(CHANNELS),
    approval: z
      .object({
        state: z.enum(['pending', 'approved', 'rejected']),
        current: z.number().int(),
        steps: z.array(
          z.object({
            kind: z.enum(APPROVAL_STEP_KINDS).optional().describe("How the approvers were found: a named person, the requester's manager, a group"),
            label: z.string(),
            approvers: z.array(z.string()),
            decision: z.enum(['approved', 'rejected']).optional(),
            decidedBy: z.string().optional(),
            decidedAt: timestamp.optional(),
            comment: z.string().optional(),
          }),
        ),
      })
      .optional(),
    sla: z
      .object({
        policy: z.string(),
        version: z.number().int(),
        clocks: z.array(
          z.object({
            metric: z.enum(['first_response', 'next_response', 'resolution']),
            state: z.enum(['running', 'paused', 'met', 'at_risk', 'breached']),
            targetMinutes: z.number(),
            deadline: timestamp.optional().describe('While running: when the target is reached'),
            consumedMinutes: z.number().describe('Working time used, as of asOf'),
            pausedMinutes: z.number().describe('Working time that passed while paused'),
            asOf: timestamp,
            startedAt: timestamp,
            metAt: timestamp.optional(),
            breachedAt: timestamp.optional(),
            firedThresholds: z.array(z.number()),
            // Derived for the response (shared/domain/sla-time-left.ts), never stored.
            businessMinutesLeft: z
              .number()
              .optional()
              .describe('While running, at risk or breached (not met, not paused): the target minus the working time used, as of the response; negative once breached, by how far over'),
            countsDownUntil: timestamp
              .nullable()
              .optional()
              .describe(
                'With businessMinutesLeft: until this instant (the next closing of the business calendar) the time left falls one minute per minute of wall time; null while the calendar is closed, when it stands still until nextOpening',
              ),
            nextOpening: timestamp.optional().describe('When countsDownUntil is null: the next opening of the business calendar, from which the time left falls again'),
          }),
        ),
      })
      .optional(),
    lastPublicReply: z.object({ by: z.enum(['agent', 'requester']), at: timestamp }).optional(),
    resolutionDecision: z
      .object({ decision: z.enum(RESOLUTION_DECISIONS), at: timestamp })
      .optional()
      .describe("The requester's last answer to a resolution"),
    watchers: z.array(z.string()).optional().describe("People the requester copied on mail: they get public replies and may answer by mail, with none of the requester's rights"),
    unauthenticatedSender: z.string().optional().describe('Set when the DMARC check failed for the mail that opened the ticket'),
    language: z
      .string()
      .optional()
      .describe("The language (ISO 639-1) mail to the requester is written in, decided when the ticket opened: the directory's, else the language of the mail that opened it, else the desk's default"),
    attachments: z.array(attachmentSchema).optional().describe('Files of the mail that opened the ticket'),
    unlistedAttachments: unlistedAttachmentsSchema,
    rawMail: z.string().optional().describe('Where the raw mail that opened the ticket is kept'),
    intake: z.object({ source: z.string(), externalId: z.string(), deliveryId: z.string() }).optional().describe('Set when another system opened the ticket through the intake queue'),
    sourceMessageId: z.string().optional().describe('Message-ID of the mail that opened the ticket'),
    createdAt: timestamp,
    updatedAt: timestamp,
    firstResponseAt: timestamp.optional(),
    resolvedAt: timestamp.optional(),
    closedAt: timestamp.optional(),
    version: z.number().int().describe('Also sent as the ETag; send it back in If-Match'),
  })
  .meta({ id: 'Ticket' });

export const uploadResponseSchema = z
  .object({
    uploadId: z.string().describe('Name it in `attachments` of POST /tickets or POST /tickets/{key}/comments'),
    url: z.string().describe('Post a multipart/form-data form here: every field of `fields`, then the file as `file`'),
    fields: z.record(z.string(), z.string()),
    maxBytes: z.number().int().describe('The largest file the form takes'),
    expiresAt: timestamp.describe('The form is refused after this'),
  })
  .meta({ id: 'Upload' });

/** `GET /tickets/{key}/attachments` with `Accept: application/json`: the download link itself. */
export const attachmentLinkResponseSchema = z
  .object({
    url: z.string().describe('A presigned download link; it downloads the file under its name'),
    name: z.string(),
    expiresInSeconds: z.number().int(),
  })
  .meta({ id: 'AttachmentLink' });

export const commentSchema = z
  .object({
    id: z.string(),
    ticketKey: z.string(),
    author: z.object({ email: z.string(), name: z.string().optional(), role: z.enum(['requester', 'agent', 'system']) }),
    public: z.boolean(),
    kind: z.enum(['unverified']).optional().describe('unverified: a mail whose sender the desk cannot vouch for, as `unverified` says (internal, never mailed, not a response)'),
    unverified: unverifiedMailSchema,
    acceptedSender: acceptedSenderSchema,
    body: z.string(),
    html: z.string().optional(),
    attachments: z.array(attachmentSchema),
    unlistedAttachments: unlistedAttachmentsSchema,
    rawMail: z.string().optional().describe('Where the raw mail is kept, when the comment came by mail'),
    messageId: z.string().optional().describe('The Message-ID of that mail'),
    createdAt: timestamp,
  })
  .meta({ id: 'Comment' });

export const historyEventSchema = z
  .object({
    id: z.string(),
    ticketKey: z.string(),
    at: timestamp,
    actor: z.object({ kind: z.enum(['user', 'client', 'system']), id: z.string(), name: z.string().optional() }),
    action: z.enum(['created', 'routed', 'assigned', 'updated', 'commented', 'escalated', 'approval', 'sla']),
    detail: z.string().optional(),
    changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
    commentId: z.string().optional(),
  })
  .meta({ id: 'HistoryEvent' });

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .meta({ id: 'Error' });

export const approvalInboxItemSchema = z
  .object({
    key: z.string().describe('The ticket key; decide with POST /tickets/{key}/approval'),
    subject: z.string(),
    requester: z.object({ email: z.string(), name: z.string().optional() }),
    catalogItem: z.object({ id: z.string(), name: z.string() }).optional(),
    step: z.object({
      index: z.number().int().describe('Which step of the approval waits (0 is the first)'),
      kind: z.enum(APPROVAL_STEP_KINDS).optional(),
      label: z.string(),
    }),
    requestedAt: timestamp.describe('When the request was made'),
    waitingSince: timestamp.describe('When the step started waiting for a decision'),
    status: ticketStatusSchema,
  })
  .meta({ id: 'ApprovalInboxItem' });

export const approvalInboxPageSchema = z.object({ items: z.array(approvalInboxItemSchema), nextCursor: z.string().optional() });

export const invitationResponseSchema = z.object({
  invitation: z
    .object({
      email: z.string(),
      name: z.string().optional(),
      invitedBy: z.string(),
      invitedAt: timestamp,
      expiresAt: timestamp.describe('Until then the address may sign up; inviting again moves it on'),
    })
    .meta({ id: 'Invitation' }),
});

const count = z.number().int();

/** `GET /me/queues`: one desk's counts, for the console's sidebar. */
export const deskQueueCountsSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    active: count.describe('Tickets in an active status: pending_approval, new, open, pending, on_hold'),
    unassigned: count.describe('Active tickets nobody is assigned to'),
    atRisk: count.describe('Active tickets whose SLA is at risk (a warning fired), not breached'),
    breached: count.describe('Active tickets whose SLA is breached'),
    levels: z.array(z.object({ id: z.string(), name: z.string(), active: count, unassigned: count }).meta({ id: 'LevelQueueCounts' })),
  })
  .meta({ id: 'DeskQueueCounts' });

export const myQueuesResponseSchema = z
  .object({
    mine: z
      .object({
        active: count.describe('Active tickets assigned to the caller, pending_approval included'),
        atRisk: count,
        breached: count,
      })
      .meta({ id: 'MyWorkCounts' }),
    desks: z.array(deskQueueCountsSchema).describe('Each desk the caller works, in configuration order'),
  })
  .meta({ id: 'MyQueues' });

/** `GET /desks/{id}/team`: the desk's people by level, with their load. */
export const teamMemberSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'manager', 'agent']),
    available: z.boolean().describe('false: automatic assignment skips the agent'),
    openTickets: count.describe('Assigned tickets in new, open, pending or on_hold: what workload assignment compares'),
    atRisk: count.describe('Assigned active tickets whose SLA is at risk'),
    breached: count.describe('Assigned active tickets whose SLA is breached'),
  })
  .meta({ id: 'TeamMember' });

export const deskTeamResponseSchema = z
  .object({
    desk: z.object({ id: z.string(), name: z.string() }),
    unassigned: count.describe('Active tickets of the desk nobody is assigned to'),
    levels: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          assignment: z.enum(['round_robin', 'workload', 'free', 'manual']),
          members: z.array(teamMemberSchema),
        })
        .meta({ id: 'TeamLevel' }),
    ),
  })
  .meta({ id: 'DeskTeam' });

export const ticketResponseSchema = z.object({ ticket: ticketSchema });
export const ticketWithConversationSchema = z.object({ ticket: ticketSchema, comments: z.array(commentSchema) });
export const ticketPageSchema = z.object({ items: z.array(ticketSchema), nextCursor: z.string().optional() });

/** `GET /mail/quarantine`: the day and the mail kept aside on it. */
export const quarantineDaySchema = z
  .object({
    day: z.iso.date(),
    items: z.array(
      z
        .object({
          at: timestamp,
          outcome: z.literal('ignored').optional().describe('Readable mail deliberately not applied (a duplicate, automatic mail on no open ticket); absent when quarantined'),
          location: z.string().describe('Where the raw mail is, e.g. s3://bucket/inbound/abc'),
          reason: z.string().describe('Why it was kept aside; `blocked` (a blocked sender or domain) and `flood` (over the new-ticket limit) are held for an admin'),
          detail: z.string().optional().describe('What held it, e.g. the domain that is blocked'),
          messageId: z.string().optional(),
          from: z.string().optional(),
        })
        .meta({ id: 'QuarantinedMail' }),
    ),
  })
  .meta({ id: 'QuarantineDay' });
export const historyPageSchema = z.object({ items: z.array(historyEventSchema), nextCursor: z.string().optional() });
export const commentResponseSchema = z.object({ comment: commentSchema, ticket: ticketSchema });

export type CreateTicketBody = z.output<typeof createTicketBodySchema>;
export type UpdateTicketBody = z.output<typeof updateTicketBodySchema>;
export type AddCommentBody = z.output<typeof addCommentBodySchema>;
export type ReplyPreviewBody = z.output<typeof replyPreviewBodySchema>;
export type ResolutionBody = z.output<typeof resolutionBodySchema>;
export type CreateUploadBody = z.output<typeof createUploadBodySchema>;
export type ListTicketsQuery = z.output<typeof listTicketsQuerySchema>;
export type SetAvailabilityBody = z.output<typeof setAvailabilityBodySchema>;
