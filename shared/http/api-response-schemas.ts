import * as z from 'zod';
import { APPROVAL_STEP_KINDS } from '../domain/approval.ts';
import { CHANNELS, RESOLUTION_DECISIONS, UNVERIFIED_REASONS } from '../domain/ticket.ts';
import { WAITING_ON } from '../domain/waiting-on.ts';
import { customFieldValue, impactSchema, prioritySchema, ticketStatusSchema, ticketTypeSchema, urgencySchema } from './api-schemas.ts';

/**
 * The HTTP contract's responses, for the OpenAPI document only: no function parses a response, so
 * these stay on zod's full build, out of every function's bundle.
 */

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
    impact: z.optional(impactSchema),
    urgency: z.optional(urgencySchema),
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
