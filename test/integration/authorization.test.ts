import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalDynamoDbClient } from '../../local/dynamodb-local.ts';
import { ENV } from '../../shared/environment.ts';
import { commentKey, ticketKey as ticketItemKey } from '../../shared/store/keys.ts';
import { HTTP_ROUTES } from '../../functions/http/routes.ts';
import { createInMemoryIssuer } from '../../local/issuer.ts';
import { createRouteMatcher } from '../../local/route-matcher.ts';
import { personClaims } from '../../local/token-claims.ts';
import { signApprovalLink } from '../../shared/auth/approval-link-token.ts';
import { SCOPES } from '../../shared/auth/scopes.ts';
import { startTestApp, type TestApp } from './harness.ts';

/**
 * Who may do what: every route of the manifest against every kind of caller, each cell an expected
 * status. The IT table is about an IT ticket of Rita's; the HR table repeats the routes that touch
 * a desk or a ticket for an HR case, because HR is restricted (admins and clients may not see it).
 */

const CALLERS = [
  'admin', // admin@example.com: every desk but restricted ones
  'itManager', // maria.manager: manages IT (the IT ticket's desk) and Facilities
  'itAgent', // alice.agent: IT level 1
  'facilitiesAgent', // frank.facilities: an agent of another desk
  'hrAgent', // hana.hr: an agent of the restricted desk
  'hrManager', // hugo.hr: manages the restricted desk
  'owner', // rita@example.org: the requester of both tickets
  'otherRequester', // mallory@example.org
  'clientWithScope', // a machine client holding the scope the route needs (every scope where none helps)
  'clientWithoutScope', // a machine client holding the other scope (none where the route needs none)
  'noToken',
  'expiredToken', // the admin's token, expired a minute ago
  'untrustedIssuer', // the admin's claims, signed by a key the API does not trust
] as const;
type Caller = (typeof CALLERS)[number];
type Statuses = readonly [number, number, number, number, number, number, number, number, number, number, number, number, number];
type Row = readonly [route: string, statuses: Statuses];

const IT_TICKET_TABLE: readonly Row[] = [
  //                                         admin itMgr itAgt facAg hrAgt hrMgr owner other cli+  cli-  none  exp   untrusted
  ['GET /health', [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /openapi.json', [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  // Opening a ticket for Rita: staff and write clients name her; only Rita herself among requesters.
  ['POST /tickets', [201, 201, 201, 201, 201, 201, 201, 403, 201, 403, 401, 401, 401]],
  // The caller's own create of that ticket sent again with its Idempotency-Key: the first answer, to those who still see it.
  ['POST /tickets [replay]', [200, 200, 200, 404, 404, 404, 200, 403, 200, 403, 401, 401, 401]],
  // ?desk=it: requesters always get their own tickets, staff only the desks they work.
  ['GET /tickets', [200, 200, 200, 403, 403, 403, 200, 200, 200, 403, 401, 401, 401]],
  ['GET /tickets/{key}', [200, 200, 200, 404, 404, 404, 200, 404, 200, 403, 401, 401, 401]],
  ['PATCH /tickets/{key}', [200, 200, 200, 404, 404, 404, 403, 404, 200, 403, 401, 401, 401]],
  ['POST /tickets/{key}/comments', [201, 201, 201, 404, 404, 404, 201, 404, 201, 403, 401, 401, 401]],
  // Accepting a new participant's mail: those who may change the ticket; the requester sees the ticket, not the unverified mail.
  ['POST /tickets/{key}/comments/{commentId}/accept-sender', [200, 200, 200, 404, 404, 404, 403, 404, 200, 403, 401, 401, 401]],
  // The mail a staff reply would send: the desk's staff and write clients; the requester sees the ticket, not this.
  ['POST /tickets/{key}/reply-preview', [200, 200, 200, 404, 404, 404, 403, 404, 200, 403, 401, 401, 401]],
  ['GET /tickets/{key}/history', [200, 200, 200, 404, 404, 404, 403, 404, 200, 403, 401, 401, 401]],
  // A file of the mail that opened the ticket: whoever may read the ticket gets a download link.
  ['GET /tickets/{key}/attachments', [302, 302, 302, 404, 404, 404, 302, 404, 302, 403, 401, 401, 401]],
  ['POST /tickets/{key}/escalate', [200, 200, 200, 404, 404, 404, 403, 404, 200, 403, 401, 401, 401]],
  // A software install waits for the software approvers (the admin among them); clients never decide.
  ['POST /tickets/{key}/approval', [200, 403, 403, 404, 404, 404, 403, 404, 403, 403, 401, 401, 401]],
  // The requester of a resolved ticket answers its resolution; whoever else sees it is refused.
  ['POST /tickets/{key}/resolution', [403, 403, 403, 404, 404, 404, 200, 404, 403, 403, 401, 401, 401]],
  ['GET /catalog', [200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 401, 401, 401]],
  // Every signed-in person may upload a file of their own; machine clients have no uploads.
  ['POST /uploads', [201, 201, 201, 201, 201, 201, 201, 201, 403, 403, 401, 401, 401]],
  // Every person has an approval inbox (empty for most); machine clients decide nothing.
  ['GET /me/approvals', [200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 401, 401, 401]],
  // Staff get the counts of their own work and of the desks they work; requesters and machine clients have no queues.
  ['GET /me/queues', [200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 401, 401, 401]],
  // Staff invite people to the portal, each cell its own address.
  ['POST /invitations', [201, 201, 201, 201, 201, 201, 403, 403, 403, 403, 401, 401, 401]],
  ['GET /desks/{id}/queue', [200, 200, 200, 403, 403, 403, 403, 403, 200, 403, 401, 401, 401]],
  // The desk's people and their load: its staff (admins for unrestricted desks); no scope opens it to a machine client.
  ['GET /desks/{id}/team', [200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 401, 401, 401]],
  // Alice's availability: herself, a manager of her desk, an admin.
  ['PUT /agents/{email}/availability', [200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 401, 401, 401]],
  ['GET /mail/quarantine', [200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401, 401, 401]],
  // The blocklist: admins only, never a machine client whatever its scopes; each cell blocks a domain of its own.
  ['POST /mail/blocked', [201, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401, 401, 401]],
  ['GET /mail/blocked', [200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401, 401, 401]],
  ['DELETE /mail/blocked/{entry}', [204, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401, 401, 401]],
  // The configuration the desk runs: admins only, never a machine client whatever its scopes.
  ['GET /admin/config', [200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401, 401, 401]],
  // No sign-in: the signed link is the authority, whatever bearer token comes along; the page decides nothing.
  ['GET /approvals/decide', [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['POST /approvals/decide', [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
];

const HR_TICKET_TABLE: readonly Row[] = [
  //                                         admin itMgr itAgt facAg hrAgt hrMgr owner other cli+  cli-  none  exp   untrusted
  // Each caller's own create of an HR case (by catalog item) sent again: those who cannot open the case get 404, not the case.
  ['POST /tickets [replay]', [404, 404, 404, 404, 200, 200, 200, 403, 404, 403, 401, 401, 401]],
  ['GET /tickets', [403, 403, 403, 403, 200, 200, 200, 200, 403, 403, 401, 401, 401]],
  ['GET /tickets/{key}', [404, 404, 404, 404, 200, 200, 200, 404, 404, 403, 401, 401, 401]],
  ['PATCH /tickets/{key}', [404, 404, 404, 404, 200, 200, 403, 404, 404, 403, 401, 401, 401]],
  // Moving the case to IT shows IT its internal notes: HR staff must confirm it in the request.
  ['PATCH /tickets/{key} [to IT]', [404, 404, 404, 404, 422, 422, 403, 404, 404, 403, 401, 401, 401]],
  ['PATCH /tickets/{key} [to IT, confirmed]', [404, 404, 404, 404, 200, 200, 403, 404, 404, 403, 401, 401, 401]],
  ['POST /tickets/{key}/comments', [404, 404, 404, 404, 201, 201, 201, 404, 404, 403, 401, 401, 401]],
  ['POST /tickets/{key}/comments/{commentId}/accept-sender', [404, 404, 404, 404, 200, 200, 403, 404, 404, 403, 401, 401, 401]],
  ['POST /tickets/{key}/reply-preview', [404, 404, 404, 404, 200, 200, 403, 404, 404, 403, 401, 401, 401]],
  ['GET /tickets/{key}/history', [404, 404, 404, 404, 200, 200, 403, 404, 404, 403, 401, 401, 401]],
  ['GET /tickets/{key}/attachments', [404, 404, 404, 404, 302, 302, 302, 404, 404, 403, 401, 401, 401]],
  // HR has one level and escalates nowhere: its staff get past the checks to a 409.
  ['POST /tickets/{key}/escalate', [404, 404, 404, 404, 409, 409, 403, 404, 404, 403, 401, 401, 401]],
  ['POST /tickets/{key}/resolution', [404, 404, 404, 404, 403, 403, 200, 404, 404, 403, 401, 401, 401]],
  // Special leave waits for Rita's manager, who is none of these callers.
  ['POST /tickets/{key}/approval', [404, 404, 404, 404, 403, 403, 403, 404, 403, 403, 401, 401, 401]],
  ['GET /desks/{id}/queue', [403, 403, 403, 403, 200, 200, 403, 403, 403, 403, 401, 401, 401]],
  ['GET /desks/{id}/team', [403, 403, 403, 403, 200, 200, 403, 403, 403, 403, 401, 401, 401]],
  // Hana's availability: herself, the HR manager, an admin; not Maria, who manages other desks.
  ['PUT /agents/{email}/availability', [200, 403, 403, 403, 200, 200, 403, 403, 403, 403, 401, 401, 401]],
];

/** Every ticket of the fixtures carries this in its subject, so that a refusal can be checked for leaks. */
const CONFIDENTIAL = 'Confidential-7f3a';

type TargetName = 'it' | 'hr';

interface Target {
  desk: string;
  /** Whose availability the availability route sets. */
  agent: string;
  /** Shared by the cells of routes that only read. */
  ticket: string;
  /** Opens a ticket like the shared one. */
  openTicket(): Promise<string>;
  /** A create body that opens a ticket of this desk for Rita, whoever sends it. */
  openingBody: Record<string, unknown>;
  /** Opens a request that waits for its first approval step. */
  openApprovalRequest(): Promise<string>;
  /** Opens a ticket and has the desk resolve it. */
  openResolvedTicket(): Promise<string>;
}

interface CellRequest {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

type ScopeNeed = 'read' | 'write' | 'none';

interface RouteCall {
  /** What a machine client needs for the route; 'none': no scope lets a client in (or none is asked). */
  scope: ScopeNeed;
  /** Routes that change a ticket get one of their own in every cell, so no cell changes what another finds. */
  ownTicket?: 'ticket' | 'approvalRequest' | 'resolvedTicket';
  /** Sent ahead by the cell's caller, e.g. the first request of a replay. */
  prepare?(target: Target, cell: Cell, token: string | undefined): Promise<void>;
  request(target: Target, ticket: string, cell: Cell): Promise<CellRequest>;
}

/** A row's route, without the variant in brackets that some rows add: `POST /tickets [replay]`. */
const routeOf = (label: string): string => label.replace(/ \[.*\]$/, '');

/** One Idempotency-Key per cell of this run. */
const RUN = Date.now().toString(36);
const replayKey = (cell: Cell) => `replay-${RUN}-${cell.target}-${cell.caller}`;
const replayRequest = (target: Target, cell: Cell): CellRequest => ({ path: '/tickets', body: target.openingBody, headers: { 'idempotency-key': replayKey(cell) } });

/** How each route of the manifest is called in a cell; `ticket` is the cell's own one or the shared one. */
const ROUTE_CALLS: Record<string, RouteCall> = {
  'GET /health': { scope: 'none', request: async () => ({ path: '/health' }) },
  'GET /openapi.json': { scope: 'none', request: async () => ({ path: '/openapi.json' }) },
  'POST /tickets': {
    scope: 'write',
    request: async () => ({ path: '/tickets', body: { subject: `${CONFIDENTIAL} monitor flickers`, requester: { email: 'rita@example.org' } } }),
  },
  'POST /tickets [replay]': {
    scope: 'write',
    prepare: async (target, cell, token) => {
      const { path, body, headers } = replayRequest(target, cell);
      await app.request('POST', path, { token, body, headers: headers! });
    },
    request: async (target, _ticket, cell) => replayRequest(target, cell),
  },
  'GET /tickets': { scope: 'read', request: async (target) => ({ path: `/tickets?desk=${target.desk}&status=all` }) },
  'GET /tickets/{key}': { scope: 'read', request: async (_target, ticket) => ({ path: `/tickets/${ticket}` }) },
  'PATCH /tickets/{key}': { scope: 'write', ownTicket: 'ticket', request: async (_target, ticket) => ({ path: `/tickets/${ticket}`, body: { priority: 'P2' } }) },
  'PATCH /tickets/{key} [to IT]': { scope: 'write', ownTicket: 'ticket', request: async (_target, ticket) => ({ path: `/tickets/${ticket}`, body: { desk: 'it' } }) },
  'PATCH /tickets/{key} [to IT, confirmed]': {
    scope: 'write',
    ownTicket: 'ticket',
    request: async (_target, ticket) => ({ path: `/tickets/${ticket}`, body: { desk: 'it', confirmRestrictedMove: true } }),
  },
  'POST /tickets/{key}/comments': {
    scope: 'write',
    ownTicket: 'ticket',
    request: async (_target, ticket) => ({ path: `/tickets/${ticket}/comments`, body: { body: 'Any news?' } }),
  },
  'POST /tickets/{key}/comments/{commentId}/accept-sender': {
    scope: 'write',
    ownTicket: 'ticket',
    request: async (_target, ticket) => ({ path: `/tickets/${ticket}/comments/${await newParticipantMail(ticket)}/accept-sender` }),
  },
  // Writes nothing, so every cell previews a reply on the shared ticket.
  'POST /tickets/{key}/reply-preview': {
    scope: 'write',
    request: async (_target, ticket) => ({ path: `/tickets/${ticket}/reply-preview`, body: { body: 'Any news?', cc: ['copied@elsewhere.example'] } }),
  },
  'GET /tickets/{key}/history': { scope: 'read', request: async (_target, ticket) => ({ path: `/tickets/${ticket}/history` }) },
  'GET /tickets/{key}/attachments': {
    scope: 'read',
    request: async (_target, ticket) => ({ path: `/tickets/${ticket}/attachments?location=${encodeURIComponent(ATTACHMENT.location)}` }),
  },
  'POST /tickets/{key}/escalate': {
    scope: 'write',
    ownTicket: 'ticket',
    request: async (_target, ticket) => ({ path: `/tickets/${ticket}/escalate`, body: { reason: 'needs the next level' } }),
  },
  'POST /tickets/{key}/approval': {
    scope: 'none',
    ownTicket: 'approvalRequest',
    request: async (_target, ticket) => ({ path: `/tickets/${ticket}/approval`, body: { decision: 'approve' } }),
  },
  'POST /tickets/{key}/resolution': {
    scope: 'write',
    ownTicket: 'resolvedTicket',
    request: async (_target, ticket) => ({ path: `/tickets/${ticket}/resolution`, body: { decision: 'confirm' } }),
  },
  'GET /catalog': { scope: 'read', request: async () => ({ path: '/catalog' }) },
  'POST /uploads': { scope: 'none', request: async () => ({ path: '/uploads', body: { fileName: 'photo.jpg', contentType: 'image/jpeg', size: 1000 } }) },
  'GET /me/approvals': { scope: 'none', request: async () => ({ path: '/me/approvals' }) },
  'GET /me/queues': { scope: 'none', request: async () => ({ path: '/me/queues' }) },
  'POST /invitations': {
    scope: 'none',
    request: async (_target, _ticket, cell) => ({ path: '/invitations', body: { email: `invitee-${RUN}-${cell.target}-${cell.caller}@elsewhere.example` } }),
  },
  'GET /desks/{id}/queue': { scope: 'read', request: async (target) => ({ path: `/desks/${target.desk}/queue` }) },
  'GET /desks/{id}/team': { scope: 'none', request: async (target) => ({ path: `/desks/${target.desk}/team` }) },
  // Setting the value it already has, so that no cell changes what another finds.
  'PUT /agents/{email}/availability': {
    scope: 'none',
    request: async (target) => ({ path: `/agents/${encodeURIComponent(target.agent)}/availability`, body: { available: true } }),
  },
  'GET /mail/quarantine': { scope: 'none', request: async () => ({ path: '/mail/quarantine?day=2026-11-02' }) },
  'POST /mail/blocked': { scope: 'none', request: async (_target, _ticket, cell) => ({ path: '/mail/blocked', body: { domain: `blocked-${RUN}-${cell.target}-${cell.caller}.example`.toLowerCase() } }) },
  'GET /mail/blocked': { scope: 'none', request: async () => ({ path: '/mail/blocked' }) },
  'DELETE /mail/blocked/{entry}': { scope: 'none', request: async () => ({ path: `/mail/blocked/${encodeURIComponent('nobody@blocked.example')}` }) },
  'GET /admin/config': { scope: 'none', request: async () => ({ path: '/admin/config' }) },
  'GET /approvals/decide': {
    scope: 'none',
    ownTicket: 'approvalRequest',
    request: async (_target, ticketKey) => {
      const token = await signApprovalLink(app.approvalLinkKey, { ticketKey, step: 0, approver: 'admin@example.com' }, new Date());
      return { path: `/approvals/decide?token=${token}` };
    },
  },
  'POST /approvals/decide': {
    scope: 'none',
    ownTicket: 'approvalRequest',
    request: async (_target, ticketKey) => {
      const token = await signApprovalLink(app.approvalLinkKey, { ticketKey, step: 0, approver: 'admin@example.com' }, new Date());
      return { path: '/approvals/decide', body: { token, decision: 'approve' } };
    },
  },
};

const routeKeys = HTTP_ROUTES.map((route) => `${route.method} ${route.path}`);
const matchRoute = createRouteMatcher(HTTP_ROUTES);

interface Cell {
  target: TargetName;
  route: string;
  caller: Caller;
  expected: number;
  /** The cell's own ticket, for routes that change one. */
  ticket?: string;
}

const cellsOf = (target: TargetName, table: readonly Row[]): Cell[] => table.flatMap(([route, statuses]) => CALLERS.map((caller, column) => ({ target, route, caller, expected: statuses[column]! })));
const itCells = cellsOf('it', IT_TICKET_TABLE);
const hrCells = cellsOf('hr', HR_TICKET_TABLE);
const allCells = [...itCells, ...hrCells];

let app: TestApp;
const targets = {} as Record<TargetName, Target>;
const tokens = {} as Record<Exclude<Caller, 'clientWithScope' | 'clientWithoutScope' | 'noToken'>, string>;
const clientTokens = {} as Record<'read' | 'write' | 'all' | 'none', string>;
let rita: string;

async function resolvedBy(agentToken: string, key: string): Promise<string> {
  const response = await app.request('PATCH', `/tickets/${key}`, { token: agentToken, body: { status: 'resolved' } });
  expect(response.status, response.text).toBe(200);
  return key;
}

async function openTicket(body: Record<string, unknown>): Promise<string> {
  const response = await app.request('POST', '/tickets', { token: rita, body: { ...body, subject: `${CONFIDENTIAL} ${String(body.subject)}` } });
  expect(response.status, response.text).toBe(201);
  return response.json.ticket.key;
}

function tokenFor(caller: Caller, scope: ScopeNeed): string | undefined {
  if (caller === 'noToken') return undefined;
  if (caller === 'clientWithScope') return clientTokens[scope === 'none' ? 'all' : scope];
  if (caller === 'clientWithoutScope') return clientTokens[scope === 'read' ? 'write' : scope === 'write' ? 'read' : 'none'];
  return tokens[caller];
}

beforeAll(async () => {
  app = await startTestApp();
  // Signing an upload form makes no request, so nothing needs to listen there.
  process.env[ENV.uploadBucket] = 'servicedesk-local-uploads';
  process.env[ENV.uploadS3Endpoint] = 'http://127.0.0.1:9/local-s3';
  const person = (email: string) => app.token({ email });
  rita = await person('rita@example.org');
  Object.assign(tokens, {
    admin: await person('admin@example.com'),
    itManager: await person('maria.manager@example.com'),
    itAgent: await person('alice.agent@example.com'),
    facilitiesAgent: await person('frank.facilities@example.com'),
    hrAgent: await person('hana.hr@example.com'),
    hrManager: await person('hugo.hr@example.com'),
    owner: rita,
    otherRequester: await person('mallory@example.org'),
    expiredToken: await app.token({ email: 'admin@example.com', expiresIn: -60 }),
    untrustedIssuer: await (await createInMemoryIssuer()).sign(personClaims({ email: 'admin@example.com', name: 'Ada Admin', groups: ['admin'] })),
  });
  Object.assign(clientTokens, {
    read: await app.token({ client: 'reporting', scopes: [SCOPES.ticketsRead] }),
    write: await app.token({ client: 'monitoring', scopes: [SCOPES.ticketsWrite] }),
    all: await app.token({ client: 'integration', scopes: [SCOPES.ticketsRead, SCOPES.ticketsWrite] }),
    none: await app.token({ client: 'unscoped', scopes: [] }),
  });

  targets.it = {
    desk: 'it',
    agent: 'alice.agent@example.com',
    ticket: '',
    openTicket: () => openTicket({ subject: 'printer jams' }),
    openingBody: { subject: `${CONFIDENTIAL} scanner is offline`, requester: { email: 'rita@example.org' } },
    openApprovalRequest: () => openTicket({ catalogItem: 'it-software-install', subject: 'graph tool', customFields: { software: 'Plotter 2' } }),
    openResolvedTicket: async () => resolvedBy(tokens.itAgent, await openTicket({ subject: 'printer fixed' })),
  };
  targets.hr = {
    desk: 'hr',
    agent: 'hana.hr@example.com',
    ticket: '',
    openTicket: () => openTicket({ catalogItem: 'hr-payroll', subject: 'overtime missing' }),
    openingBody: { catalogItem: 'hr-payroll', subject: `${CONFIDENTIAL} bonus missing`, requester: { email: 'rita@example.org' } },
    openApprovalRequest: () => openTicket({ catalogItem: 'hr-leave', subject: 'leave for a move', customFields: { from: '2026-12-01', until: '2026-12-03' } }),
    openResolvedTicket: async () => resolvedBy(tokens.hrAgent, await openTicket({ catalogItem: 'hr-payroll', subject: 'payslip corrected' })),
  };
  // Every ticket the cells need, opened a few dozen at a time: one by one they would take most of
  // the run, all at once they would queue past the functions' timeout on a busy machine.
  const setups: (() => Promise<void>)[] = [
    ...(['it', 'hr'] as const).map((name) => async () => {
      targets[name].ticket = await targets[name].openTicket();
      await attachToOpeningMail(targets[name].ticket);
    }),
    ...allCells.map((cell) => async () => {
      const call = ROUTE_CALLS[cell.route]!;
      const kind = call.ownTicket;
      const target = targets[cell.target];
      if (kind) cell.ticket = await (kind === 'ticket' ? target.openTicket() : kind === 'resolvedTicket' ? target.openResolvedTicket() : target.openApprovalRequest());
      await call.prepare?.(targets[cell.target], cell, tokenFor(cell.caller, call.scope));
    }),
  ];
  for (let start = 0; start < setups.length; start += SETUP_BATCH) await Promise.all(setups.slice(start, start + SETUP_BATCH).map((setup) => setup()));
});

afterAll(() => app?.close());

/** How many cells are set up at once. */
const SETUP_BATCH = 24;

/** A file as the mail intake lists it, on the shared tickets (the link is only signed, never fetched here). */
const ATTACHMENT = { name: 'log.txt', contentType: 'text/plain', size: 3, location: `attachments/${'a'.repeat(32)}/0/log.txt` };

async function attachToOpeningMail(key: string): Promise<void> {
  process.env[ENV.mailBucket] = 'servicedesk-local-mail';
  process.env[ENV.s3Endpoint] = 'http://127.0.0.1:9';
  const client = createLocalDynamoDbClient(app.endpoint);
  await client.send(
    new UpdateItemCommand({
      TableName: app.tableName,
      Key: marshall(ticketItemKey(key)),
      UpdateExpression: 'SET attachments = :files',
      ExpressionAttributeValues: marshall({ ':files': [ATTACHMENT] }),
    }),
  );
  client.destroy();
}

/** A comment on the ticket made into what the mail intake keeps of a new participant's reply; its id. */
async function newParticipantMail(key: string): Promise<string> {
  const added = await app.request('POST', `/tickets/${key}/comments`, { token: rita, body: { body: 'Forwarded to a colleague' } });
  expect(added.status, added.text).toBe(201);
  const id: string = added.json.comment.id;
  const client = createLocalDynamoDbClient(app.endpoint);
  await client.send(
    new UpdateItemCommand({
      TableName: app.tableName,
      Key: marshall(commentKey(key, id)),
      UpdateExpression: 'SET #public = :false, kind = :kind, unverified = :unverified',
      ExpressionAttributeNames: { '#public': 'public' },
      ExpressionAttributeValues: marshall({ ':false': false, ':kind': 'unverified', ':unverified': { reason: 'new_participant', sender: 'colleague@elsewhere.example' } }),
    }),
  );
  client.destroy();
  return id;
}

describe('the authorisation tables', () => {
  it('have a call for every route of the manifest, and the IT table a row for each', () => {
    expect([...new Set(Object.keys(ROUTE_CALLS).map(routeOf))].sort()).toEqual([...routeKeys].sort());
    expect([...new Set(IT_TICKET_TABLE.map(([route]) => routeOf(route)))].sort()).toEqual([...routeKeys].sort());
    expect([...IT_TICKET_TABLE, ...HR_TICKET_TABLE].every(([route]) => route in ROUTE_CALLS)).toBe(true);
  });
});

describe.each([
  ['an IT ticket', itCells],
  ['an HR case (restricted desk)', hrCells],
])('for %s', (_name, cells) => {
  it.each(cells)('$route as $caller answers $expected', async (cell) => {
    const call = ROUTE_CALLS[cell.route]!;
    const target = targets[cell.target];
    const method = cell.route.split(' ')[0]!;
    if (call.ownTicket) expect(cell.ticket, "the cell's own ticket").toBeDefined();
    const { path, body, headers } = await call.request(target, cell.ticket ?? target.ticket, cell);
    // A path of another route would turn the cell into a test of something else.
    expect(matchRoute(method, path.split('?')[0]!)?.routeKey).toBe(routeOf(cell.route));
    const response = await app.request(method, path, { token: tokenFor(cell.caller, call.scope), body, ...(headers ? { headers } : {}) });
    expect(response.status, response.text).toBe(cell.expected);
    // A refusal says nothing of the ticket it refused.
    if (cell.expected >= 400) expect(response.text).not.toContain(CONFIDENTIAL);
  });
});

/**
 * Approvers of Rita's new laptop (her manager Mark, then one of the software approvers: Ada the
 * admin or Sam), while it waits on Mark and once Mark and Ada approved it: an approver reads the
 * request as its requester does while a step of theirs waits and after deciding one; Sam, of the
 * group that decided through Ada, no longer does. Ada works IT, so her own column would be staff.
 */
const APPROVER_CALLERS = ['mark', 'sam', 'owner', 'otherRequester'] as const;
type ApprovalStage = 'waiting for Mark' | 'approved by Mark and Ada';
const APPROVER_TABLE: readonly (readonly [route: string, stage: ApprovalStage, statuses: readonly [number, number, number, number]])[] = [
  //                                                           mark  sam   owner other
  ['GET /tickets/{key}', 'waiting for Mark', [200, 200, 200, 404]],
  ['GET /tickets/{key}', 'approved by Mark and Ada', [200, 404, 200, 404]],
  ['GET /tickets/{key}/attachments', 'waiting for Mark', [302, 302, 302, 404]],
  ['GET /tickets/{key}/attachments', 'approved by Mark and Ada', [302, 404, 302, 404]],
  ['GET /tickets/{key}/history', 'waiting for Mark', [403, 403, 403, 404]],
  ['GET /tickets/{key}/history', 'approved by Mark and Ada', [403, 404, 403, 404]],
  // An approver never speaks as the requester: the reply would read as hers and could reopen the request.
  ['POST /tickets/{key}/comments', 'waiting for Mark', [403, 403, 201, 404]],
  ['POST /tickets/{key}/comments', 'approved by Mark and Ada', [403, 404, 201, 404]],
  ['POST /tickets/{key}/reply-preview', 'waiting for Mark', [403, 403, 403, 404]],
  ['POST /tickets/{key}/reply-preview', 'approved by Mark and Ada', [403, 404, 403, 404]],
  ['POST /tickets/{key}/approval', 'waiting for Mark', [200, 403, 403, 404]],
  ['POST /tickets/{key}/approval', 'approved by Mark and Ada', [409, 404, 409, 404]],
];

describe('approvers of a request', () => {
  const approverTokens = {} as Record<(typeof APPROVER_CALLERS)[number], string>;
  const shared = {} as Record<ApprovalStage, string>;
  const approverCells = APPROVER_TABLE.flatMap(([route, stage, statuses]) => APPROVER_CALLERS.map((caller, column) => ({ route, stage, caller, expected: statuses[column]!, ticket: '' })));

  async function laptopRequest(stage: ApprovalStage): Promise<string> {
    const key = await openTicket({ catalogItem: 'it-hardware-laptop', subject: 'laptop for the audit', customFields: { model: '14-inch' } });
    if (stage === 'approved by Mark and Ada') {
      for (const approver of [approverTokens.mark, tokens.admin]) {
        const decided = await app.request('POST', `/tickets/${key}/approval`, { token: approver, body: { decision: 'approve' } });
        expect(decided.status, decided.text).toBe(200);
      }
    }
    return key;
  }

  beforeAll(async () => {
    Object.assign(approverTokens, {
      mark: await app.token({ email: 'mark.lead@example.org' }),
      sam: await app.token({ email: 'sam.security@example.org' }),
      owner: rita,
      otherRequester: tokens.otherRequester,
    });
    for (const stage of ['waiting for Mark', 'approved by Mark and Ada'] as const) {
      shared[stage] = await laptopRequest(stage);
      await attachToOpeningMail(shared[stage]);
    }
    // Routes that change the request get one of their own in every cell.
    await Promise.all(
      approverCells.map(async (cell) => {
        cell.ticket = ROUTE_CALLS[cell.route]!.ownTicket ? await laptopRequest(cell.stage) : shared[cell.stage];
      }),
    );
  });

  it.each(approverCells)('$route as $caller when $stage answers $expected', async (cell) => {
    const method = cell.route.split(' ')[0]!;
    const { path, body } = await ROUTE_CALLS[cell.route]!.request(targets.it, cell.ticket, cell as unknown as Cell);
    const response = await app.request(method, path, { token: approverTokens[cell.caller], body });
    expect(response.status, response.text).toBe(cell.expected);
    if (cell.expected >= 400) expect(response.text).not.toContain(CONFIDENTIAL);
  });
});

describe('lists never carry a restricted case to those who may not open it', () => {
  /** Every key of a list, page after page. */
  async function allKeys(path: string, token: string): Promise<string[]> {
    const keys: string[] = [];
    for (let cursor: string | undefined, pages = 0; pages === 0 || cursor; pages++) {
      const page = await app.request('GET', `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
      expect(page.status, page.text).toBe(200);
      keys.push(...page.json.items.map((ticket: { key: string }) => ticket.key));
      cursor = page.json.nextCursor;
    }
    return keys;
  }

  it("leaves the HR case out of the lists of the requester's tickets and of an HR agent's work", async () => {
    for (const token of [tokens.admin, tokens.itManager, tokens.itAgent, clientTokens.read]) {
      const keys = await allKeys('/tickets?requester=rita@example.org&status=all&limit=100', token);
      expect(keys).toContain(targets.it.ticket);
      expect(keys).not.toContain(targets.hr.ticket);
      const byAssignee = await app.request('GET', '/tickets?assignee=hana.hr@example.com&status=all', { token });
      expect(byAssignee.json.items ?? [], byAssignee.text).toEqual([]);
    }
    // The HR staff themselves do see it.
    expect(await allKeys('/tickets?requester=rita@example.org&status=all&limit=100', tokens.hrManager)).toContain(targets.hr.ticket);
    const hanasWork = await app.request('GET', '/tickets?assignee=hana.hr@example.com&status=all', { token: tokens.hrManager });
    expect(hanasWork.json.items.length).toBeGreaterThan(0);
  });
});

describe('internal notes never reach a requester', () => {
  const NOTE = 'note-9c1e: the printer was bought from a dubious reseller';
  let itAgent: string;
  let ritasTicket: string;
  let franksTicket: string;
  let markToken: string;
  let approvalRequest: string;

  const note = async (key: string) => {
    const response = await app.request('POST', `/tickets/${key}/comments`, { token: itAgent, body: { body: NOTE, public: false } });
    expect(response.status, response.text).toBe(201);
  };

  beforeAll(async () => {
    itAgent = tokens.itAgent;
    ritasTicket = await openTicket({ subject: 'printer jams again' });
    await note(ritasTicket);
    const reply = await app.request('POST', `/tickets/${ritasTicket}/comments`, { token: itAgent, body: { body: 'A technician is on the way.' } });
    expect(reply.status, reply.text).toBe(201);

    // Frank works Facilities and asks IT for help: on IT's ticket he is a requester.
    const franks = await app.request('POST', '/tickets', {
      token: tokens.facilitiesAgent,
      body: { subject: 'Laptop dock is dead', requester: { email: 'frank.facilities@example.com' } },
    });
    expect(franks.status, franks.text).toBe(201);
    franksTicket = franks.json.ticket.key;
    await note(franksTicket);

    // Rita's manager approves her access requests, and reads them as she does.
    markToken = await app.token({ email: 'mark.lead@example.org' });
    approvalRequest = await openTicket({ catalogItem: 'it-access-request', subject: 'ERP access', customFields: { system: 'ERP', justification: 'I run the month-end close' } });
    await note(approvalRequest);
  });

  it('shows the note to the staff of the desk', async () => {
    const view = await app.request('GET', `/tickets/${ritasTicket}`, { token: itAgent });
    expect(view.json.comments.map((comment: { body: string }) => comment.body)).toEqual([NOTE, 'A technician is on the way.']);
  });

  it('leaves it out of the ticket the requester reads, keeping the public reply', async () => {
    const view = await app.request('GET', `/tickets/${ritasTicket}`, { token: rita });
    expect(view.status).toBe(200);
    expect(view.json.comments.map((comment: { body: string }) => comment.body)).toEqual(['A technician is on the way.']);
    expect(view.text).not.toContain('note-9c1e');
  });

  it("leaves it out of the requester's list and of the answer to the requester's own comment", async () => {
    const list = await app.request('GET', '/tickets?status=all&limit=100', { token: rita });
    expect(list.json.items.map((ticket: { key: string }) => ticket.key)).toContain(ritasTicket);
    expect(list.text).not.toContain('note-9c1e');
    const comment = await app.request('POST', `/tickets/${ritasTicket}/comments`, { token: rita, body: { body: 'Thank you!' } });
    expect(comment.status).toBe(201);
    expect(comment.text).not.toContain('note-9c1e');
  });

  it('keeps it from staff of another desk who asked for help, and from an approver', async () => {
    for (const [token, key] of [
      [tokens.facilitiesAgent, franksTicket],
      [markToken, approvalRequest],
    ] as const) {
      const view = await app.request('GET', `/tickets/${key}`, { token });
      expect(view.status, view.text).toBe(200);
      expect(view.json.comments).toEqual([]);
      expect(view.text).not.toContain('note-9c1e');
    }
  });

  it("keeps another requester's list free of the owner's tickets", async () => {
    const list = await app.request('GET', '/tickets?desk=it&status=all&limit=100', { token: tokens.otherRequester });
    expect(list.status).toBe(200);
    expect(list.json.items).toEqual([]);
  });
});
