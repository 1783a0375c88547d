import * as z from 'zod';
import {
  addCommentBodySchema,
  approvalBodySchema,
  approvalLinkBodySchema,
  approvalPageFormSchema,
  escalateBodySchema,
  setAvailabilityBodySchema,
  createTicketBodySchema,
  createUploadBodySchema,
  invitationBodySchema,
  resolutionBodySchema,
  updateTicketBodySchema,
} from './api-schemas.ts';
import { deskQueueQuerySchema, historyQuerySchema, listTicketsQuerySchema, myApprovalsQuerySchema, quarantineQuerySchema } from './list-query-schemas.ts';
import { approvalPageQuerySchema, attachmentQuerySchema } from './query-schemas.ts';
import {
  attachmentLinkResponseSchema,
  approvalInboxPageSchema,
  deskTeamResponseSchema,
  myQueuesResponseSchema,
  commentResponseSchema,
  errorResponseSchema,
  historyPageSchema,
  invitationResponseSchema,
  quarantineDaySchema,
  ticketPageSchema,
  ticketResponseSchema,
  ticketWithConversationSchema,
  uploadResponseSchema,
} from './api-response-schemas.ts';
import { catalogResponseSchema } from './catalog-schemas.ts';
import { adminConfigResponseSchema } from './admin-config-schemas.ts';
import { replyPreviewBodySchema } from './api-schemas.ts';
import { replyPreviewResponseSchema } from './reply-preview-schemas.ts';
import { blockedSenderListSchema, blockedSenderResponseSchema, blockMailBodySchema } from './mail-block-schemas.ts';
import { commentIdParamSchema } from './participant-schemas.ts';
import { ticketKeyParamSchema } from './path-parameters.ts';

type JsonSchema = Record<string, unknown>;

/** Converts a zod schema to JSON Schema 2020-12 (OpenAPI 3.1's dialect), hoisting named parts to components. */
function schemaOf(schema: z.core.$ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const {
    $schema: _dialect,
    $defs,
    ...rest
  } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema & {
    $defs?: Record<string, JsonSchema>;
  };
  for (const [name, definition] of Object.entries($defs ?? {})) components[name] = relink(definition) as JsonSchema;
  return relink(rest) as JsonSchema;
}

function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, key === '$ref' && typeof inner === 'string' ? inner.replace('#/$defs/', '#/components/schemas/') : relink(inner)]));
  }
  return value;
}

/** A query parameter is required when the schema refuses it left out (no `.optional()`, no default). */
function queryParameters(schema: z.core.$ZodObject, components: Record<string, JsonSchema>) {
  return Object.entries(schema._zod.def.shape).map(([name, field]) => {
    const fieldSchema = schemaOf(field, 'input', components);
    return {
      name,
      in: 'query',
      required: !z.safeParse(field, undefined).success,
      schema: fieldSchema,
      ...(typeof fieldSchema.description === 'string' ? { description: fieldSchema.description } : {}),
    };
  });
}

const json = (schema: JsonSchema) => ({ content: { 'application/json': { schema } } });

/** The groups of operations, in the order a reader meets them. */
const TAGS = [
  { name: 'Tickets', description: 'Opening, reading, listing and working tickets and their conversation' },
  { name: 'Uploads', description: 'Files a browser sends before a new ticket or reply attaches them' },
  { name: 'Approvals', description: 'Deciding requests that wait for approval, signed in or through the link of an approval email' },
  { name: 'Catalog', description: 'The service catalog and its request forms' },
  { name: 'Desks and people', description: 'Queues, teams, availability and invitations, for staff' },
  { name: 'Administration', description: 'What admins inspect: the running configuration and kept-aside mail; the senders whose mail is held' },
  { name: 'Service', description: 'Liveness and this document' },
] as const;

type Tag = (typeof TAGS)[number]['name'];

interface OperationText {
  /** camelCase verb and noun; the web app's generated types and docs/api.md name operations by it. */
  operationId: string;
  tag: Tag;
  /** A few words, as a heading. */
  summary: string;
  /** Who may call the operation, in words; test/integration/authorization.test.ts checks it caller by caller. */
  callers: string;
  description: string;
}

/**
 * One operation: its words (id, group, summary, callers as `x-callers`, description) and its
 * parameters, body and responses. Every operation may also get API Gateway's 429.
 */
function operation(text: OperationText, rest: { responses: Record<string, unknown> } & Record<string, unknown>) {
  const { operationId, tag, summary, callers, description } = text;
  return {
    operationId,
    tags: [tag],
    summary,
    description,
    'x-callers': callers,
    ...rest,
    responses: { ...rest.responses, '429': { $ref: '#/components/responses/Throttled' } },
  };
}

const API_DESCRIPTION = [
  'Tickets, their conversation and history, approvals, uploads, queues and the desk configuration of the service desk.',
  '',
  'Callers send a Cognito token as `Authorization: Bearer <token>`: people an ID token, other systems a client-credentials access token ' +
    'with the scopes `servicedesk/tickets.read` and `servicedesk/tickets.write`. Each operation names who may call it in `x-callers`.',
  '',
  'Errors from the API are `{ "error": { "code", "message", "details": [{ "path", "message" }] } }`; API Gateway itself answers a missing ' +
    'or invalid token (401) and throttling (429) with `{ "message" }`. docs/api.md in the repository adds roles, the status workflow and the SLA fields.',
].join('\n');

const SERVERS = [
  {
    url: '/api',
    description:
      "Relative to where this document was fetched from. The API answers under /api on the web app's origin (CloudFront passes /api/* to the " +
      "API's api stage), on the HTTP API's own URL (that api stage) and locally under npm start (http://localhost:3000/api). " +
      "The HTTP API's own URL and npm start also serve every path without the /api prefix.",
  },
];

/** The OpenAPI 3.1 description of the HTTP API, generated from the same zod schemas the handlers use. */
export function openApiDocument(): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const error = (description: string) => ({ description, ...json({ $ref: '#/components/schemas/Error' }) });
  const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
  schemaOf(errorResponseSchema, 'output', components);
  const keyParameter = {
    name: 'key',
    in: 'path',
    required: true,
    description: 'The ticket key, such as SD-42',
    schema: schemaOf(ticketKeyParamSchema, 'input', components),
  };
  const deskParameter = { name: 'id', in: 'path', required: true, description: 'The desk id, as in the configuration (it, facilities)', schema: { type: 'string' } };
  const etag = { ETag: { description: 'The ticket version; send it back in If-Match', schema: { type: 'string' } } };
  const unauthorized = { $ref: '#/components/responses/Unauthorized' };
  const common = {
    '400': error('Invalid input; details name each field'),
    '401': unauthorized,
    '403': error('Not allowed for this caller'),
  };
  const withTicket = { ...common, '404': error('No such ticket, or not visible to the caller') };
  const idempotencyKey = (description: string) => ({
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    schema: { type: 'string', maxLength: 128 },
    description,
  });

  return {
    openapi: '3.1.0',
    info: {
      title: 'Service desk API',
      version: '1.0.0',
      description: API_DESCRIPTION,
      license: { name: 'Apache 2.0', identifier: 'Apache-2.0' },
    },
    servers: SERVERS,
    tags: TAGS,
    security: [{ bearer: [] }],
    paths: {
      '/health': {
        get: operation(
          {
            operationId: 'getHealth',
            tag: 'Service',
            summary: 'Liveness',
            callers: 'Anyone, without a token',
            description: 'Answers 200 while the API is up. It reads no data.',
          },
          { security: [], responses: { '200': { description: 'The API answers' } } },
        ),
      },
      '/openapi.json': {
        get: operation(
          {
            operationId: 'getOpenApiDocument',
            tag: 'Service',
            summary: 'This document',
            callers: 'Anyone, without a token',
            description: 'This OpenAPI 3.1 document, generated from the same zod schemas the handlers validate requests with.',
          },
          { security: [], responses: { '200': { description: 'OpenAPI 3.1' } } },
        ),
      },
      '/tickets': {
        post: operation(
          {
            operationId: 'createTicket',
            tag: 'Tickets',
            summary: 'Open a ticket',
            callers: 'Anyone signed in; clients with `servicedesk/tickets.write`',
            description:
              'A requester opens a ticket for itself; staff and clients name the `requester`. With a `catalogItem`, `customFields` are the values ' +
              'of its form (a 400 names each missing or wrong field), and the ticket is routed, assigned or held for approval. `attachments` takes ' +
              'upload ids from `POST /uploads` (see createUpload).\n\n' +
              '`Idempotency-Key` makes retries safe: within a day, a replay with the same body answers 200 with the ticket as first created ' +
              '(404 once the caller may no longer see it), another body under the same key gets a 422 naming `Idempotency-Key`, and a replay ' +
              'takes no ticket number.',
          },
          {
            parameters: [idempotencyKey('A retry with the same key within a day answers 200 with the ticket as first created, instead of opening another; another body under the same key gets 422')],
            requestBody: { required: true, ...json(schemaOf(createTicketBodySchema, 'input', components)) },
            responses: {
              '201': { description: 'Created', headers: etag, ...json(schemaOf(ticketResponseSchema, 'output', components)) },
              '200': {
                description: 'Replay of an Idempotency-Key: the ticket as the first request was answered',
                headers: etag,
                ...json(schemaOf(ticketResponseSchema, 'output', components)),
              },
              ...common,
              '404': error('Replay of an Idempotency-Key whose ticket the caller may no longer see'),
              '422': error('The Idempotency-Key was used within a day for a request with another body'),
              '413': error('Body too large'),
              '415': error('Body is not JSON'),
            },
          },
        ),
        get: operation(
          {
            operationId: 'listTickets',
            tag: 'Tickets',
            summary: 'List tickets',
            callers: 'Staff (the desks they work); requesters (their own tickets only); clients with `servicedesk/tickets.read`',
            description:
              "A desk's queue or an agent's work, by priority then age, or a requester's tickets, newest first. Staff who give none of " +
              '`desk`, `assignee` and `requester` get their own work; requesters always get their own tickets; a client must name one of the three. ' +
              'The filters narrow by status, SLA state, priority, channel and catalog item.\n\n' +
              '`order=due` puts the nearest SLA deadline first: breached tickets first, tickets with no running clock last by priority and age. ' +
              "It lists active statuses only (a 400 naming `order` otherwise, and for a requester's list). An agent's work by due date merges the " +
              'due partitions of the desks the caller works. An unknown filter value is a 400 naming its parameter.',
          },
          {
            parameters: queryParameters(listTicketsQuerySchema, components),
            responses: { '200': { description: 'A page of tickets', ...json(schemaOf(ticketPageSchema, 'output', components)) }, ...common },
          },
        ),
      },
      '/tickets/{key}': {
        get: operation(
          {
            operationId: 'getTicket',
            tag: 'Tickets',
            summary: 'Read a ticket and its conversation',
            callers: "Staff of the ticket's desk; its requester; clients with `servicedesk/tickets.read`",
            description: "The ticket and its conversation; internal notes only for staff. The `ETag` header is the ticket's version.",
          },
          {
            parameters: [keyParameter],
            responses: {
              '200': { description: 'The ticket', headers: etag, ...json(schemaOf(ticketWithConversationSchema, 'output', components)) },
              ...withTicket,
            },
          },
        ),
        patch: operation(
          {
            operationId: 'updateTicket',
            tag: 'Tickets',
            summary: 'Change a ticket',
            callers: "Staff of the ticket's desk; clients with `servicedesk/tickets.write`",
            description:
              'Changes status, priority (or impact and urgency), category, desk, level, assignee, tags and custom fields. A new `catalogItem` ' +
              'recategorises the ticket: it is routed and assigned again.\n\n' +
              'Moving a ticket out of a restricted desk (by `desk`, by recategorising, or by escalation) needs `"confirmRestrictedMove": true` ' +
              '(422 without it), since its internal notes go with it. With `If-Match`, a stale version gets a 412; without it, the change is ' +
              'applied again to the latest version.',
          },
          {
            parameters: [keyParameter, { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'The ETag you read; a stale one gets 412' }],
            requestBody: { required: true, ...json(schemaOf(updateTicketBodySchema, 'input', components)) },
            responses: {
              '200': { description: 'The updated ticket', headers: etag, ...json(schemaOf(ticketResponseSchema, 'output', components)) },
              ...withTicket,
              '409': error('Concurrent change; retry'),
              '412': error('If-Match names an old version'),
              '422': error('A move out of a restricted desk without confirmRestrictedMove'),
            },
          },
        ),
      },
      '/tickets/{key}/comments': {
        post: operation(
          {
            operationId: 'addComment',
            tag: 'Tickets',
            summary: 'Reply or add an internal note',
            callers: 'Staff; the requester (public replies only); clients with `servicedesk/tickets.write`; never an approver',
            description:
              'A public reply, or an internal note with `"public": false`; `html` is sanitised. `attachments` takes upload ids from ' +
              '`POST /uploads` (see createUpload).\n\n' +
              "`cc` (staff and write clients, public replies only, at most 10): the people copied become watchers of the ticket in the reply's " +
              'own write (the history records them; a ticket has at most 50 watchers) and get the reply. A 400 names `cc` on a note or from a ' +
              "requester, and `cc[i]` for an address the desk cannot mail or one of the desk's own mail domain.\n\n" +
              "An agent's reply is mailed to the requester (at the Reply-To kept for them) with every watcher in Cc, ending with the agent's " +
              '`signature`; the stored comment stays as typed.\n\n' +
              "`Idempotency-Key` makes retries safe: within a day, the same caller's key on the same ticket answers 200 with the first comment, " +
              'even if the ticket has moved on (closed) since.',
          },
          {
            parameters: [keyParameter, idempotencyKey('A retry with the same key within a day returns the first comment (200) instead of adding it again')],
            requestBody: { required: true, ...json(schemaOf(addCommentBodySchema, 'input', components)) },
            responses: {
              '201': { description: 'The comment and the ticket', headers: etag, ...json(schemaOf(commentResponseSchema, 'output', components)) },
              '200': {
                description: 'Replay of an Idempotency-Key: the comment added the first time and the ticket now',
                headers: etag,
                ...json(schemaOf(commentResponseSchema, 'output', components)),
              },
              ...withTicket,
              '409': error('The ticket is closed'),
            },
          },
        ),
      },
      '/tickets/{key}/comments/{commentId}/accept-sender': {
        post: operation(
          {
            operationId: 'acceptSender',
            tag: 'Tickets',
            summary: "Accept a new participant's mail",
            callers: "Staff of the ticket's desk; clients with `servicedesk/tickets.write`; never the requester",
            description:
              "A reply by mail on the ticket's own thread (In-Reply-To or References naming a mail of the ticket, or its signed reply address) " +
              'from someone not on the ticket is kept as an internal comment of kind `unverified` with `unverified.reason` `new_participant` ' +
              'and `unverified.sender`. Accepting it adds the sender as a watcher and makes the mail a public reply (`acceptedSender` ' +
              'records who accepted, and when), in one write with a history event. Accepting again answers 200 and changes nothing.\n\n' +
              'Only such mail can be accepted: an unverified mail claiming to come from staff gets a 409, as does a closed ticket. A sender ' +
              "the ticket cannot take as a watcher (50 already, or an address of the desk's own mail domain) gets a 400 naming `sender`.",
          },
          {
            parameters: [keyParameter, { name: 'commentId', in: 'path', required: true, description: 'The id of the unverified comment', schema: schemaOf(commentIdParamSchema, 'input', components) }],
            responses: {
              '200': { description: 'The comment, now public, and the ticket', headers: etag, ...json(schemaOf(commentResponseSchema, 'output', components)) },
              ...withTicket,
              '404': error('No such ticket or comment, or not visible to the caller'),
              '409': error("Not a new participant's mail, or the ticket is closed; or a concurrent change (retry)"),
            },
          },
        ),
      },
      '/tickets/{key}/reply-preview': {
        post: operation(
          {
            operationId: 'previewReply',
            tag: 'Tickets',
            summary: 'Preview the mail a public reply would send',
            callers: "Staff of the ticket's desk; clients with `servicedesk/tickets.write`. Other callers get what `GET /tickets/{key}` gives them: " + '404 where the ticket is invisible to them, else 403',
            description:
              "The mail a public reply with this `body`, `html` and `cc` would send now, rendered and addressed by the notification's own code: " +
              "`{ from, to, cc, subject, text, html, suppressed }`, with the agent's signature and the ticket token. Bounced and unmailable " +
              'addresses are left out and listed in `suppressed` as `{ address, reason, detail }`, with `reason` `undeliverable` or `unmailable`. ' +
              "A machine client's replies are not mailed, so it gets every address as `not_mailed`.\n\n" +
              'Without a body it still names the recipients. It writes nothing; a closed ticket or a desk without a mailbox gets a 409.',
          },
          {
            parameters: [keyParameter],
            requestBody: { required: false, ...json(schemaOf(replyPreviewBodySchema, 'input', components)) },
            responses: {
              '200': { description: 'The mail as it would go out now', ...json(schemaOf(replyPreviewResponseSchema, 'output', components)) },
              ...withTicket,
              '403': error("Not staff of the ticket's desk, or a client without servicedesk/tickets.write"),
              '409': error('The ticket is closed, or the desk has no mailbox'),
            },
          },
        ),
      },
      '/tickets/{key}/history': {
        get: operation(
          {
            operationId: 'getTicketHistory',
            tag: 'Tickets',
            summary: "Read a ticket's audit log",
            callers: "Staff of the ticket's desk; clients with `servicedesk/tickets.read`",
            description: "The ticket's audit log, oldest first, a page at a time: creation, routing and assignment (with the rule or method that decided), " + 'updates, comments, escalations and approvals.',
          },
          {
            parameters: [keyParameter, ...queryParameters(historyQuerySchema, components)],
            responses: { '200': { description: 'A page of history events', ...json(schemaOf(historyPageSchema, 'output', components)) }, ...withTicket },
          },
        ),
      },
      '/tickets/{key}/attachments': {
        get: operation(
          {
            operationId: 'getAttachment',
            tag: 'Tickets',
            summary: 'Download a file of a ticket',
            callers: 'Whoever may read the ticket (requesters: the files of public comments and of the mail that opened it); ' + 'clients with `servicedesk/tickets.read`',
            description:
              'A 302 to a download link that works for 5 minutes (a presigned S3 URL); the body gives the link too, with the file name. With ' +
              "`Accept: application/json` the same body comes as a 200 answer, since a browser's fetch cannot read a redirect. `location` is " +
              'the `location` of an attachment on the ticket or on one of its comments; anything else is a 404.',
          },
          {
            parameters: [keyParameter, ...queryParameters(attachmentQuerySchema, components)],
            responses: {
              '302': { description: 'Location is the download link; the body gives it too, with the file name and how long it works' },
              '200': {
                description: 'With Accept: application/json (a browser cannot read a redirect): the download link, the file name and how long it works',
                ...json(schemaOf(attachmentLinkResponseSchema, 'output', components)),
              },
              ...withTicket,
            },
          },
        ),
      },
      '/tickets/{key}/escalate': {
        post: operation(
          {
            operationId: 'escalateTicket',
            tag: 'Tickets',
            summary: 'Escalate a ticket',
            callers: "Staff of the ticket's desk; clients with `servicedesk/tickets.write`",
            description:
              "Moves the ticket to the desk's next level, or after its last level to the first level of the desk's `escalateTo` desk, and " +
              "assigns it by that level's method. The `reason` is recorded in the history. A 409 when there is nowhere to go; an escalation " +
              'out of a restricted desk needs `"confirmRestrictedMove": true` (422 without it).',
          },
          {
            parameters: [keyParameter],
            requestBody: { required: false, ...json(schemaOf(escalateBodySchema, 'input', components)) },
            responses: {
              '200': { description: 'The escalated ticket', headers: etag, ...json(schemaOf(ticketResponseSchema, 'output', components)) },
              ...withTicket,
              '409': error('Nowhere to escalate to, or the ticket is not active'),
              '422': error('An escalation out of a restricted desk without confirmRestrictedMove'),
            },
          },
        ),
      },
      '/tickets/{key}/approval': {
        post: operation(
          {
            operationId: 'decideApproval',
            tag: 'Approvals',
            summary: 'Approve or reject a request',
            callers: 'The approvers of the waiting step',
            description:
              '`decision` is `approve` or `reject`, with a `comment` (a rejection needs its reason). The last approval releases the ticket to ' +
              'its desk and assigns it; a rejection closes it and tells the requester why.',
          },
          {
            parameters: [keyParameter],
            requestBody: { required: true, ...json(schemaOf(approvalBodySchema, 'input', components)) },
            responses: {
              '200': { description: 'The ticket after the decision', headers: etag, ...json(schemaOf(ticketResponseSchema, 'output', components)) },
              ...withTicket,
              '409': error('The ticket waits for no approval'),
            },
          },
        ),
      },
      '/tickets/{key}/resolution': {
        post: operation(
          {
            operationId: 'decideResolution',
            tag: 'Tickets',
            summary: 'Confirm or reopen a resolved ticket',
            callers: "The ticket's requester",
            description:
              "On a resolved ticket, `confirm` closes it; `reopen` (a `comment` is required, posted as the requester's public reply) sends it " +
              "back to `open` as a requester's reply does, SLA clocks included. A ticket that is not resolved gets a 409 `ticket_not_resolved`; " +
              'the same decision sent again after it took effect answers 200 with the ticket as it is.',
          },
          {
            parameters: [keyParameter],
            requestBody: { required: true, ...json(schemaOf(resolutionBodySchema, 'input', components)) },
            responses: {
              '200': {
                description: 'The ticket after the decision, or as it is when the same decision already took effect',
                headers: etag,
                ...json(schemaOf(ticketResponseSchema, 'output', components)),
              },
              ...withTicket,
              '403': error('Not the requester of the ticket'),
              '409': error('The ticket is not resolved (code ticket_not_resolved)'),
            },
          },
        ),
      },
      '/mail/quarantine': {
        get: operation(
          {
            operationId: 'listQuarantinedMail',
            tag: 'Administration',
            summary: 'List the mail kept aside on a day',
            callers: 'Admins',
            description:
              'Mail kept aside on the day (unreadable, spam, virus, too large to store) and mail ignored (`outcome: "ignored"`: duplicates, ' +
              'automatic mail on no open ticket), each with the reason and where its raw bytes are.',
          },
          {
            parameters: queryParameters(quarantineQuerySchema, components),
            responses: {
              '200': {
                description: 'The day and its quarantined mail: location of the raw mail, reason, sender, Message-ID',
                ...json(schemaOf(quarantineDaySchema, 'output', components)),
              },
              ...common,
            },
          },
        ),
      },
      '/mail/blocked': {
        post: operation(
          {
            operationId: 'blockMailSender',
            tag: 'Administration',
            summary: 'Block a sender or a domain',
            callers: 'Admins',
            description:
              'Blocks one `sender` address or a `domain` with its subdomains (send one of the two, and a `note` if you like). Their mail is then ' +
              'kept aside in `GET /mail/quarantine` with the reason `blocked`: it opens no ticket, adds nothing to a ticket, and is never ' +
              'answered. Blocking what is blocked already keeps the first entry: 201 for a new block, 200 with the entry in force.',
          },
          {
            requestBody: { required: true, ...json(schemaOf(blockMailBodySchema, 'input', components)) },
            responses: {
              '201': { description: 'The new block', ...json(schemaOf(blockedSenderResponseSchema, 'output', components)) },
              '200': { description: 'Blocked already: the entry in force', ...json(schemaOf(blockedSenderResponseSchema, 'output', components)) },
              ...common,
            },
          },
        ),
        get: operation(
          {
            operationId: 'listBlockedMailSenders',
            tag: 'Administration',
            summary: 'List the blocked senders and domains',
            callers: 'Admins',
            description: 'Every block in force, domains first, each with who blocked it, when, and the note.',
          },
          {
            responses: {
              '200': { description: 'The blocks in force', ...json(schemaOf(blockedSenderListSchema, 'output', components)) },
              ...common,
            },
          },
        ),
      },
      '/mail/blocked/{entry}': {
        delete: operation(
          {
            operationId: 'unblockMailSender',
            tag: 'Administration',
            summary: 'Lift the block of a sender or a domain',
            callers: 'Admins',
            description:
              'Lifts the block `entry` names: an address for a blocked sender, a domain otherwise. The next mail goes through; mail held while ' +
              'it was blocked stays in the quarantine. Lifting a block that is not there answers 204 too.',
          },
          {
            parameters: [{ name: 'entry', in: 'path', required: true, description: 'The blocked address or domain, e.g. robot@example.org or example.org', schema: { type: 'string' } }],
            responses: {
              '204': { description: 'The block is lifted, or was not there' },
              ...common,
            },
          },
        ),
      },
      '/admin/config': {
        get: operation(
          {
            operationId: 'getAdminConfig',
            tag: 'Administration',
            summary: 'Read the running configuration',
            callers: 'Admins (not machine clients)',
            description:
              '`{ config }`: the configuration the desk runs, read-only: desks (restricted, managers, `escalateTo`, levels with members and ' +
              'assignment method), staff (email, name, role, signature), groups, the catalog (each node with its inherited desk, level, type ' +
              'and priority, its form, and its approval steps with their approvers), SLA policies (targets in working minutes), calendars, ' +
              'routing rules, the mailbox (`address`, `name`, reply and attachment limits), uploads and sign-in (self sign-up domains, one-time ' +
              'codes, identity providers by id, name, type, issuer or metadata URL and domains).\n\n' +
              "Left out: the identity providers' `clientId` and `clientSecretName`, the SES `receiptRuleSet`, the notification templates and " +
              'the directory.',
          },
          {
            responses: {
              '200': {
                description: 'Desks, staff, catalog, SLA policies, calendars, routing rules, mail, uploads and sign-in settings',
                ...json(schemaOf(adminConfigResponseSchema, 'output', components)),
              },
              '401': unauthorized,
              '403': common['403'],
            },
          },
        ),
      },
      '/approvals/decide': {
        get: operation(
          {
            operationId: 'getApprovalPage',
            tag: 'Approvals',
            summary: 'The page an approval email links to',
            callers: 'No sign-in: the link in an approval email',
            description:
              'An HTML page with the request and a form (comment, Approve, Reject) that posts to `POST /approvals/decide`. Opening it decides ' +
              "nothing, and posting its form decides only with the confirmation the page's script adds on a person's click. A forged or " +
              'expired link (403) or a spent one (409) gets a page saying so.',
          },
          {
            security: [],
            parameters: queryParameters(approvalPageQuerySchema, components),
            responses: {
              '200': html('An HTML page with the request and the decision form'),
              '400': html('An HTML page: the token is missing'),
              '403': html('An HTML page: a forged, altered or expired link'),
              '404': html('An HTML page: the ticket no longer exists'),
              '409': html('An HTML page: the step was already decided'),
            },
          },
        ),
        post: operation(
          {
            operationId: 'decideApprovalByLink',
            tag: 'Approvals',
            summary: 'Approve or reject through the link of an approval email',
            callers: 'No sign-in: the signed link of an approval email is the authority',
            description:
              "`{ token, decision, comment }` as JSON, or as the approval page's form post with its `confirmation`, which is answered with a " +
              "page (400 without the confirmation; 403 for another page's confirmation or one sent within 2 s of the page). The link names " +
              'the ticket, the step and the approver; it expires after 14 days and is spent once its step is decided. The answer gives the ' +
              'outcome only.',
          },
          {
            security: [],
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: schemaOf(approvalLinkBodySchema, 'input', components) },
                'application/x-www-form-urlencoded': { schema: schemaOf(approvalPageFormSchema, 'input', components) },
              },
            },
            responses: {
              '200': { description: 'The outcome: ticket key, status and approval state (an HTML page for a form post)' },
              '400': common['400'],
              '403': error('A forged, altered or expired link, or not an approver of the waiting step'),
              '404': error('The ticket no longer exists'),
              '409': error('The step was already decided: the link is spent'),
            },
          },
        ),
      },
      '/uploads': {
        post: operation(
          {
            operationId: 'createUpload',
            tag: 'Uploads',
            summary: 'Get a form to upload one file',
            callers: 'Anyone signed in (people, not machine clients)',
            description:
              '`{ fileName, contentType, size }` gives `{ uploadId, url, fields, maxBytes, expiresAt }`: a form the browser posts as ' +
              'multipart/form-data straight to the upload bucket (every field of `fields`, then the file as `file`). S3 takes it for 15 minutes, ' +
              "only under the caller's own key, with that Content-Type and within `uploads.maxFileBytes` (a 400 names `size` when the declared " +
              'size is larger).\n\n' +
              '`POST /tickets` and `POST /tickets/{key}/comments` then take `"attachments": [uploadId, ...]`: at most `uploads.maxCount` (a 400 ' +
              "naming `attachments` otherwise), each an upload of the caller's own that was sent (a 400 naming `attachments[i]` otherwise). The " +
              "files are moved to the ticket's attachments and listed like a mail's. Requesters attach files to their own public replies; staff " +
              'to internal notes too.',
          },
          {
            requestBody: { required: true, ...json(schemaOf(createUploadBodySchema, 'input', components)) },
            responses: {
              '201': { description: 'The form to post, and the upload id', ...json(schemaOf(uploadResponseSchema, 'output', components)) },
              ...common,
              '413': error('Body too large'),
              '415': error('Body is not JSON'),
            },
          },
        ),
      },
      '/catalog': {
        get: operation(
          {
            operationId: 'getCatalog',
            tag: 'Catalog',
            summary: 'Read the service catalog',
            callers: 'Anyone signed in; clients with `servicedesk/tickets.read`',
            description:
              "The catalog tree with each item's type, description, `pinned` flag, form (label, help, default, required, options, min, max) " +
              'and whether it needs approval. It shows no desks, levels or approvers.',
          },
          {
            responses: {
              '200': { description: 'The catalog tree', ...json(schemaOf(catalogResponseSchema, 'output', components)) },
              '401': unauthorized,
              '403': common['403'],
            },
          },
        ),
      },
      '/me/approvals': {
        get: operation(
          {
            operationId: 'listMyApprovals',
            tag: 'Approvals',
            summary: "List the requests waiting for the caller's decision",
            callers: 'Anyone signed in (people, not machine clients)',
            description:
              "The requests waiting for the caller's decision (matched by the caller's verified email), the longest waiting first: key, subject, " +
              'requester, catalog item, the step (index, kind, label), `requestedAt`, `waitingSince` and status. Decide with ' +
              "`POST /tickets/{key}/approval`. One Query of the caller's approval inbox (a sparse partition of GSI3), whose items the ticket's " +
              'own transactions write and settle as steps open and are decided.',
          },
          {
            parameters: queryParameters(myApprovalsQuerySchema, components),
            responses: {
              '200': { description: 'A page of requests waiting for a decision', ...json(schemaOf(approvalInboxPageSchema, 'output', components)) },
              ...common,
            },
          },
        ),
      },
      '/me/queues': {
        get: operation(
          {
            operationId: 'getMyQueues',
            tag: 'Desks and people',
            summary: "Count the caller's work and queues",
            callers: 'Staff (not requesters, not machine clients)',
            description:
              "The console's sidebar: `{ mine: { active, atRisk, breached }, desks: [{ id, name, active, unassigned, atRisk, breached, levels: " +
              "[{ id, name, active, unassigned }] }] }` for the caller's own assigned work and each desk the caller works. `active` counts every " +
              'active status, pending approval included. The counts are exact: read from counters the ticket transactions keep, one GetItem each.',
          },
          {
            responses: {
              '200': { description: 'The counts', ...json(schemaOf(myQueuesResponseSchema, 'output', components)) },
              '401': unauthorized,
              '403': error('Not staff: requesters and machine clients have no queues'),
            },
          },
        ),
      },
      '/invitations': {
        post: operation(
          {
            operationId: 'createInvitation',
            tag: 'Desks and people',
            summary: 'Invite a person to sign up',
            callers: 'Staff',
            description:
              'Invites a person (`email`, optionally `name`) to sign up to the portal for 30 days and mails them a link to the web app ' +
              '(`PUBLIC_WEB_URL`). Inviting the same address again refreshes the invitation and mails it again: 201 for a new invitation, ' +
              '200 for a refreshed one.',
          },
          {
            requestBody: { required: true, ...json(schemaOf(invitationBodySchema, 'input', components)) },
            responses: {
              '201': { description: 'The invitation', ...json(schemaOf(invitationResponseSchema, 'output', components)) },
              '200': { description: 'The address was invited before: the refreshed invitation', ...json(schemaOf(invitationResponseSchema, 'output', components)) },
              ...common,
            },
          },
        ),
      },
      '/desks/{id}/queue': {
        get: operation(
          {
            operationId: 'getDeskQueue',
            tag: 'Desks and people',
            summary: "List a desk's queue",
            callers: 'Staff of the desk; clients with `servicedesk/tickets.read`',
            description:
              "The desk's queue, or one `level` of it, with the filters and `order` of `GET /tickets` (listTickets): by priority then age, or " +
              'by the nearest SLA deadline. `assignee` is an email, `me` or `none` (unassigned). An unknown filter value is a 400 naming its ' +
              'parameter.',
          },
          {
            parameters: [deskParameter, ...queryParameters(deskQueueQuerySchema, components)],
            responses: {
              '200': { description: 'A page of tickets', ...json(schemaOf(ticketPageSchema, 'output', components)) },
              ...common,
              '404': error('No such desk'),
            },
          },
        ),
      },
      '/desks/{id}/team': {
        get: operation(
          {
            operationId: 'getDeskTeam',
            tag: 'Desks and people',
            summary: "Read a desk's team",
            callers: 'Staff of the desk (admins: unrestricted desks); not machine clients',
            description:
              '`{ desk: { id, name }, unassigned, levels: [{ id, name, assignment, members: [{ email, name, role, available, openTickets, ' +
              "atRisk, breached }] }] }`: the assignee picker and the manager's team view, from the configuration and the agents' counters " +
              'and availability (one GetItems; no item means available and zero). `openTickets` is the workload count (new, open, pending, ' +
              "on hold); `atRisk` and `breached` count the member's assigned active tickets. A 404 for no such desk, a 403 for a desk the " +
              'caller does not work.',
          },
          {
            parameters: [deskParameter],
            responses: {
              '200': { description: 'The team', ...json(schemaOf(deskTeamResponseSchema, 'output', components)) },
              '401': unauthorized,
              '403': error('Not staff of the desk'),
              '404': error('No such desk'),
            },
          },
        ),
      },
      '/agents/{email}/availability': {
        put: operation(
          {
            operationId: 'setAgentAvailability',
            tag: 'Desks and people',
            summary: 'Set whether an agent takes automatic assignments',
            callers: 'The agent; managers of its desks; admins',
            description: '`{ "available": false }` takes the agent out of automatic assignment; `true` puts the agent back.',
          },
          {
            parameters: [{ name: 'email', in: 'path', required: true, description: "The agent's email address", schema: { type: 'string', format: 'email' } }],
            requestBody: { required: true, ...json(schemaOf(setAvailabilityBodySchema, 'input', components)) },
            responses: { '200': { description: 'The availability now in force' }, ...common, '404': error('No such agent') },
          },
        ),
      },
    },
    components: {
      schemas: {
        ...components,
        GatewayMessage: {
          type: 'object',
          description: "API Gateway's own answer, given before any handler runs",
          properties: { message: { type: 'string', description: 'Unauthorized, Too Many Requests, ...' } },
          required: ['message'],
        },
      },
      responses: {
        Unauthorized: {
          description: "A missing, invalid or expired bearer token: API Gateway's JWT authorizer answers before the handler runs",
          headers: {
            'WWW-Authenticate': {
              description: 'Bearer; when a token was sent, with error="invalid_token" and an error_description naming the fault',
              schema: { type: 'string' },
            },
          },
          ...json({ $ref: '#/components/schemas/GatewayMessage' }),
        },
        Throttled: {
          description: "Too many requests: over the API stage's throttle, API Gateway answers before the handler runs (deployed only); retry later",
          ...json({ $ref: '#/components/schemas/GatewayMessage' }),
        },
      },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A Cognito token: people send their ID token, which carries email, email_verified and cognito:groups; other systems send a ' +
            'client-credentials access token, whose scopes servicedesk/tickets.read and servicedesk/tickets.write are their rights',
        },
      },
    },
  };
}
