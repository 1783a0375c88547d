/**
 * The HTTP API's routes: the one list that the CDK stack and the local server both read, so the
 * deployed API and `npm start` cannot drift apart. Pure data: no handler code is imported here.
 */
export type TableAccess = 'none' | 'read' | 'write';

export interface HttpRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** API Gateway path syntax: `{name}` is a path parameter. */
  path: string;
  /** File under functions/http/ (without extension) whose `handler` export serves the route. */
  handler: string;
  /** Whether the JWT authorizer guards the route. */
  auth: boolean;
  /** What the handler does with the table; the stack grants exactly this. */
  table: TableAccess;
  /** The handler verifies approval links, so it may read their signing key. */
  approvalLinkKey?: boolean;
  /** The handler hands out download links to attachments, so it may read them in the mail bucket. */
  attachments?: 'read';
  /**
   * `sign`: the handler signs upload forms, so it may put objects under the upload bucket's prefix;
   * `attach`: it moves uploads into the attachments (reads and deletes uploads, writes attachments).
   */
  uploads?: 'sign' | 'attach';
  /** Why a route without the JWT authorizer is safe (shown to cdk-nag). */
  publicBecause?: string;
}

export const HTTP_ROUTES: readonly HttpRoute[] = [
  { method: 'GET', path: '/health', handler: 'health', auth: false, table: 'none', publicBecause: 'a liveness probe that reads no data' },
  { method: 'GET', path: '/openapi.json', handler: 'openapi', auth: false, table: 'none', publicBecause: 'the API description, which holds no data' },
  { method: 'POST', path: '/tickets', handler: 'create-ticket', auth: true, table: 'write', uploads: 'attach' },
  { method: 'GET', path: '/tickets', handler: 'list-tickets', auth: true, table: 'read' },
  { method: 'GET', path: '/tickets/{key}', handler: 'get-ticket', auth: true, table: 'read' },
  { method: 'PATCH', path: '/tickets/{key}', handler: 'update-ticket', auth: true, table: 'write' },
  { method: 'POST', path: '/tickets/{key}/comments', handler: 'add-comment', auth: true, table: 'write', uploads: 'attach' },
  { method: 'POST', path: '/tickets/{key}/comments/{commentId}/accept-sender', handler: 'accept-sender', auth: true, table: 'write' },
  // Reads the ticket and the undeliverable marks; writes nothing.
  { method: 'POST', path: '/tickets/{key}/reply-preview', handler: 'preview-reply', auth: true, table: 'read' },
  { method: 'GET', path: '/tickets/{key}/history', handler: 'get-ticket-history', auth: true, table: 'read' },
  { method: 'GET', path: '/tickets/{key}/attachments', handler: 'get-attachment', auth: true, table: 'read', attachments: 'read' },
  { method: 'POST', path: '/tickets/{key}/escalate', handler: 'escalate-ticket', auth: true, table: 'write' },
  { method: 'POST', path: '/tickets/{key}/approval', handler: 'decide-approval', auth: true, table: 'write' },
  { method: 'POST', path: '/tickets/{key}/resolution', handler: 'decide-resolution', auth: true, table: 'write' },
  { method: 'GET', path: '/catalog', handler: 'get-catalog', auth: true, table: 'none' },
  { method: 'POST', path: '/uploads', handler: 'create-upload', auth: true, table: 'none', uploads: 'sign' },
  { method: 'GET', path: '/me/approvals', handler: 'list-my-approvals', auth: true, table: 'read' },
  { method: 'GET', path: '/me/queues', handler: 'get-my-queues', auth: true, table: 'read' },
  { method: 'POST', path: '/invitations', handler: 'create-invitation', auth: true, table: 'write' },
  { method: 'GET', path: '/desks/{id}/queue', handler: 'get-desk-queue', auth: true, table: 'read' },
  { method: 'GET', path: '/desks/{id}/team', handler: 'get-desk-team', auth: true, table: 'read' },
  { method: 'PUT', path: '/agents/{email}/availability', handler: 'set-agent-availability', auth: true, table: 'write' },
  { method: 'GET', path: '/mail/quarantine', handler: 'list-quarantined-mail', auth: true, table: 'read' },
  { method: 'POST', path: '/mail/blocked', handler: 'block-mail-sender', auth: true, table: 'write' },
  { method: 'GET', path: '/mail/blocked', handler: 'list-blocked-mail-senders', auth: true, table: 'read' },
  // Lifting a block marks its item and lets TTL remove it: a write, no DeleteItem.
  { method: 'DELETE', path: '/mail/blocked/{entry}', handler: 'unblock-mail-sender', auth: true, table: 'write' },
  { method: 'GET', path: '/admin/config', handler: 'get-admin-config', auth: true, table: 'none' },
  {
    method: 'GET',
    path: '/approvals/decide',
    handler: 'approval-page',
    auth: false,
    table: 'read',
    approvalLinkKey: true,
    publicBecause: 'the page an approval email links to: it shows the one request the signed, expiring link names, and decides nothing',
  },
  {
    method: 'POST',
    path: '/approvals/decide',
    handler: 'decide-approval-by-link',
    auth: false,
    table: 'write',
    approvalLinkKey: true,
    publicBecause: 'approvers from email need no account: the signed, expiring approval link in the body authorises the one decision',
  },
];
