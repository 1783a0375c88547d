import * as z from 'zod';
import {
  addCommentBodySchema,
  approvalBodySchema,
  approvalLinkBodySchema,
  approvalPageFormSchema,
  attachmentLinkResponseSchema,
  attachmentQuerySchema,
  approvalPageQuerySchema,
  approvalInboxPageSchema,
  myApprovalsQuerySchema,
  deskQueueQuerySchema,
  deskTeamResponseSchema,
  myQueuesResponseSchema,
  escalateBodySchema,
  setAvailabilityBodySchema,
  commentResponseSchema,
  createTicketBodySchema,
  createUploadBodySchema,
  errorResponseSchema,
  historyPageSchema,
  historyQuerySchema,
  invitationBodySchema,
  invitationResponseSchema,
  quarantineDaySchema,
  quarantineQuerySchema,
  resolutionBodySchema,
  listTicketsQuerySchema,
  ticketKeyParamSchema,
  ticketPageSchema,
  ticketResponseSchema,
  ticketWithConversationSchema,
  updateTicketBodySchema,
  uploadResponseSchema,
} from './api-schemas.ts';
import { catalogResponseSchema } from './catalog-schemas.ts';
import { adminConfigResponseSchema } from './admin-config-schemas.ts';
import { replyPreviewBodySchema } from './api-schemas.ts';
import { replyPreviewResponseSchema } from './reply-preview-schemas.ts';

type JsonSchema = Record<string, unknown>;

/** Converts a zod schema to JSON Schema 2020-12 (OpenAPI 3.1's dialect), hoisting named parts to components. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const { $schema: _dialect, $defs, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema & {
    $defs?: Record<string, JsonSchema>;
  };
  for (const [name, definition] of Object.entries($defs ?? {})) components[name] = relink(definition) as JsonSchema;
  return relink(rest) as JsonSchema;
}

function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === '$ref' && typeof inner === 'string' ? inner.replace('#/$defs/', '#/components/schemas/') : relink(inner),
      ]),
    );
  }
  return value;
}

function queryParameters(schema: z.ZodObject, components: Record<string, JsonSchema>) {
  return Object.entries(schema.shape).map(([name, field]) => {
    const fieldSchema = schemaOf(field as z.ZodType, 'input', components);
    return {
      name,
      in: 'query',
      required: false,
      schema: fieldSchema,
      ...(typeof fieldSchema.description === 'string' ? { description: fieldSchema.description } : {}),
    };
  });
}

const json = (schema: JsonSchema) => ({ content: { 'application/json': { schema } } });

/** The OpenAPI 3.1 description of the HTTP API, generated from the same zod schemas the handlers use. */
export function openApiDocument(serverUrl?: string): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const error = (description: string) => ({ description, ...json({ $ref: '#/components/schemas/Error' }) });
  schemaOf(errorResponseSchema, 'output', components);
  const keyParameter = { name: 'key', in: 'path', required: true, schema: schemaOf(ticketKeyParamSchema, 'input', components) };
  const etag = { ETag: { description: 'The ticket version; send it back in If-Match', schema: { type: 'string' } } };
  const common = {
    '400': error('Invalid input; details name each field'),
    '401': error('Missing or invalid bearer token'),
    '403': error('Not allowed for this caller'),
  };
  const withTicket = { ...common, '404': error('No such ticket, or not visible to the caller') };

  return {
    openapi: '3.1.0',
    info: {
      title: 'Service desk API',
      version: '1.0.0',
      description: 'Tickets, conversations and history. Errors are `{ "error": { "code", "message", "details" } }`.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearer: [] }],
    paths: {
      '/health': { get: { summary: 'Liveness', security: [], responses: { '200': { description: 'The API answers' } } } },
      '/openapi.json': { get: { summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.1' } } } },
      '/tickets': {
        post: {
          summary: 'Open a ticket',
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 128 }, description: 'A retry with the same key within a day answers 200 with the ticket as first created, instead of opening another; another body under the same key gets 422' }],
          requestBody: { required: true, ...json(schemaOf(createTicketBodySchema, 'input', components)) },
          responses: {
            '201': { description: 'Created', headers: etag, ...json(schemaOf(ticketResponseSchema, 'output', components)) },
            '200': { description: 'Replay of an Idempotency-Key: the ticket as the first request was answered', headers: etag, ...json(schemaOf(ticketResponseSchema, 'output', components)) },
            ...common,
            '404': error('Replay of an Idempotency-Key whose ticket the caller may no longer see'),
            '422': error('The Idempotency-Key was used within a day for a request with another body'),
            '413': error('Body too large'),
            '415': error('Body is not JSON'),
          },
        },
        get: {
          summary:
            'List tickets: a desk queue, an agent\'s work or a requester\'s tickets; filtered by priority, channel, catalog item and SLA state; ' +
            'ordered by priority or (queues and work) by the nearest SLA deadline. An unknown filter value is a 400 naming its parameter',
          parameters: queryParameters(listTicketsQuerySchema, components),
          responses: { '200': { description: 'A page of tickets', ...json(schemaOf(ticketPageSchema, 'output', components)) }, ...common },
        },
      },
      '/tickets/{key}': {
        get: {
          summary: 'A ticket with its conversation (internal notes for staff only)',
          parameters: [keyParameter],
          responses: { '200': { description: 'The ticket', headers: etag, ...json(schemaOf(ticketWithConversationSchema, 'output', components)) }, ...withTicket },
        },
        patch: {
          summary: 'Change ticket fields',
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
      },
      '/tickets/{key}/comments': {
        post: {
          summary: 'Add a public reply or an internal note; a public reply by staff or a write client may copy people (cc), who become watchers of the ticket and get the reply',
          parameters: [
            keyParameter,
            { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 128 }, description: 'A retry with the same key within a day returns the first comment (200) instead of adding it again' },
          ],
          requestBody: { required: true, ...json(schemaOf(addCommentBodySchema, 'input', components)) },
          responses: {
            '201': { description: 'The comment and the ticket', headers: etag, ...json(schemaOf(commentResponseSchema, 'output', components)) },
            '200': { description: 'Replay of an Idempotency-Key: the comment added the first time and the ticket now', headers: etag, ...json(schemaOf(commentResponseSchema, 'output', components)) },
            ...withTicket,
            '409': error('The ticket is closed'),
          },
        },
      },
      '/tickets/{key}/reply-preview': {
        post: {
          summary:
            'The mail a public reply would send, written nowhere: sender, recipients, subject, text and HTML (with the agent\'s signature), and the addresses left out and why (staff of the desk, write clients)',
          parameters: [keyParameter],
          requestBody: { required: false, ...json(schemaOf(replyPreviewBodySchema, 'input', components)) },
          responses: {
            '200': { description: 'The mail as it would go out now', ...json(schemaOf(replyPreviewResponseSchema, 'output', components)) },
            ...withTicket,
            '403': error('Not staff of the ticket\'s desk, or a client without servicedesk/tickets.write'),
            '409': error('The ticket is closed, or the desk has no mailbox'),
          },
        },
      },
      '/tickets/{key}/history': {
        get: {
          summary: 'The audit log of a ticket (staff only)',
          parameters: [keyParameter, ...queryParameters(historyQuerySchema, components)],
          responses: { '200': { description: 'A page of history events', ...json(schemaOf(historyPageSchema, 'output', components)) }, ...withTicket },
        },
      },
      '/tickets/{key}/attachments': {
        get: {
          summary: 'A short-lived download link (5 minutes) for a stored file of the ticket or of a comment the caller may read',
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
      },
      '/tickets/{key}/escalate': {
        post: {
          summary: 'Escalate to the next level, or to the next desk after the last level; assigns by that level\'s method',
          parameters: [keyParameter],
          requestBody: { required: false, ...json(schemaOf(escalateBodySchema, 'input', components)) },
          responses: {
            '200': { description: 'The escalated ticket', headers: etag, ...json(schemaOf(ticketResponseSchema, 'output', components)) },
            ...withTicket,
            '409': error('Nowhere to escalate to, or the ticket is not active'),
            '422': error('An escalation out of a restricted desk without confirmRestrictedMove'),
          },
        },
      },
      '/tickets/{key}/approval': {
        post: {
          summary: 'Approve or reject the waiting approval step (approvers of that step only)',
          parameters: [keyParameter],
          requestBody: { required: true, ...json(schemaOf(approvalBodySchema, 'input', components)) },
          responses: {
            '200': { description: 'The ticket after the decision', headers: etag, ...json(schemaOf(ticketResponseSchema, 'output', components)) },
            ...withTicket,
            '409': error('The ticket waits for no approval'),
          },
        },
      },
      '/tickets/{key}/resolution': {
        post: {
          summary: 'The requester of a resolved ticket confirms it (closed) or reopens it (with a comment saying what is still wrong)',
          parameters: [keyParameter],
          requestBody: { required: true, ...json(schemaOf(resolutionBodySchema, 'input', components)) },
          responses: {
            '200': { description: 'The ticket after the decision, or as it is when the same decision already took effect', headers: etag, ...json(schemaOf(ticketResponseSchema, 'output', components)) },
            ...withTicket,
            '403': error('Not the requester of the ticket'),
            '409': error('The ticket is not resolved (code ticket_not_resolved)'),
          },
        },
      },
      '/mail/quarantine': {
        get: {
          summary: 'Mail kept aside on a day, with the reason (admins)',
          parameters: queryParameters(quarantineQuerySchema, components),
          responses: { '200': { description: 'The day and its quarantined mail: location of the raw mail, reason, sender, Message-ID', ...json(schemaOf(quarantineDaySchema, 'output', components)) }, ...common },
        },
      },
      '/admin/config': {
        get: {
          summary: 'The configuration the desk runs, read-only, without secrets (admins)',
          responses: { '200': { description: 'Desks, staff, catalog, SLA policies, calendars, routing rules, mail, uploads and sign-in settings', ...json(schemaOf(adminConfigResponseSchema, 'output', components)) }, '401': common['401'], '403': common['403'] },
        },
      },
      '/approvals/decide': {
        get: {
          summary: 'The page an approval email links to: the request and a form that posts the decision (HTML; deciding takes the POST)',
          security: [],
          parameters: queryParameters(approvalPageQuerySchema, components),
          responses: {
            '200': { description: 'An HTML page with the request and the decision form', content: { 'text/html': { schema: { type: 'string' } } } },
            '400': { description: 'An HTML page: the token is missing', content: { 'text/html': { schema: { type: 'string' } } } },
            '403': { description: 'An HTML page: a forged, altered or expired link', content: { 'text/html': { schema: { type: 'string' } } } },
            '404': { description: 'An HTML page: the ticket no longer exists', content: { 'text/html': { schema: { type: 'string' } } } },
            '409': { description: 'An HTML page: the step was already decided', content: { 'text/html': { schema: { type: 'string' } } } },
          },
        },
        post: {
          summary: 'Approve or reject through the signed link of an approval email (no sign-in; the link is the authority). JSON, or the form of the approval page (answered with a page), which decides only with the confirmation its script adds on a person\'s click',
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
      },
      '/uploads': {
        post: {
          summary:
            'Sign a form with which the browser sends one file straight to S3 (multipart/form-data POST to `url`: every field, then the file as `file`), ' +
            'within the size limit and with the declared Content-Type; then name its `uploadId` in `attachments` of a new ticket or comment (signed-in people only)',
          requestBody: { required: true, ...json(schemaOf(createUploadBodySchema, 'input', components)) },
          responses: {
            '201': { description: 'The form to post, and the upload id', ...json(schemaOf(uploadResponseSchema, 'output', components)) },
            ...common,
            '413': error('Body too large'),
            '415': error('Body is not JSON'),
          },
        },
      },
      '/catalog': {
        get: {
          summary: 'The service catalog and its request forms',
          responses: { '200': { description: 'The catalog tree', ...json(schemaOf(catalogResponseSchema, 'output', components)) }, '401': common['401'], '403': common['403'] },
        },
      },
      '/me/approvals': {
        get: {
          summary: 'The requests waiting for the caller\'s decision, the longest waiting first (decide with POST /tickets/{key}/approval)',
          parameters: queryParameters(myApprovalsQuerySchema, components),
          responses: { '200': { description: 'A page of requests waiting for a decision', ...json(schemaOf(approvalInboxPageSchema, 'output', components)) }, ...common },
        },
      },
      '/me/queues': {
        get: {
          summary: 'The console\'s sidebar: counts of the caller\'s own work and of every desk the caller works, by level (staff; read from counters, exact)',
          responses: {
            '200': { description: 'The counts', ...json(schemaOf(myQueuesResponseSchema, 'output', components)) },
            '401': common['401'],
            '403': error('Not staff: requesters and machine clients have no queues'),
          },
        },
      },
      '/invitations': {
        post: {
          summary: 'Invite a person to sign up to the portal and mail them the link (staff); inviting again refreshes the invitation and mails it again',
          requestBody: { required: true, ...json(schemaOf(invitationBodySchema, 'input', components)) },
          responses: {
            '201': { description: 'The invitation', ...json(schemaOf(invitationResponseSchema, 'output', components)) },
            '200': { description: 'The address was invited before: the refreshed invitation', ...json(schemaOf(invitationResponseSchema, 'output', components)) },
            ...common,
          },
        },
      },
      '/desks/{id}/queue': {
        get: {
          summary:
            'A desk\'s queue, or one level of it, by priority then age or by the nearest SLA deadline; filtered by assignee (me, none, an email), ' +
            'SLA state, priority, channel and catalog item (staff of the desk). An unknown filter value is a 400 naming its parameter',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...queryParameters(deskQueueQuerySchema, components)],
          responses: { '200': { description: 'A page of tickets', ...json(schemaOf(ticketPageSchema, 'output', components)) }, ...common, '404': error('No such desk') },
        },
      },
      '/desks/{id}/team': {
        get: {
          summary: 'A desk\'s people by level with their availability, open, at-risk and breached tickets, and the desk\'s unassigned count (staff of the desk; not machine clients)',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The team', ...json(schemaOf(deskTeamResponseSchema, 'output', components)) },
            '401': common['401'],
            '403': error('Not staff of the desk'),
            '404': error('No such desk'),
          },
        },
      },
      '/agents/{email}/availability': {
        put: {
          summary: 'Mark an agent available or not for automatic assignment (the agent, its desk managers, admins)',
          parameters: [{ name: 'email', in: 'path', required: true, schema: { type: 'string', format: 'email' } }],
          requestBody: { required: true, ...json(schemaOf(setAvailabilityBodySchema, 'input', components)) },
          responses: { '200': { description: 'The availability now in force' }, ...common, '404': error('No such agent') },
        },
      },
    },
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A Cognito ID token (people) or client-credentials access token (machine clients)' },
      },
    },
  };
}
