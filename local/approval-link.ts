import { parseArgs } from 'node:util';
import { createDocumentClient } from '#shared/adapters/dynamodb/document-client';
import { DynamoDbTicketStore } from '#shared/adapters/dynamodb/dynamodb-ticket-store';
import { approvalLinksFor } from '#shared/use-cases/approval-links';
import { loadOrCreateApprovalLinkKey } from './approval-link-key.ts';
import { LOCAL_PATHS, LOCAL_TABLE_NAME } from './local-paths.ts';

/**
 * `npm run approval-link -- SD-3`: prints the signed links an approval email would carry for the
 * step the request waits on, as curl commands against the running `npm start`.
 */
async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  const key = positionals[0]?.toUpperCase();
  if (!key) throw new Error('Usage: npm run approval-link -- SD-3');
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const endpoint = `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? '8000'}`;
  const store = new DynamoDbTicketStore(createDocumentClient(endpoint), LOCAL_TABLE_NAME);
  const ticket = await store.getTicket(key);
  if (!ticket) throw new Error(`No ticket ${key} (is npm start running?)`);
  const links = await approvalLinksFor(ticket, new TextEncoder().encode(loadOrCreateApprovalLinkKey(LOCAL_PATHS.approvalLinkKey)), new Date());
  if (links.length === 0) throw new Error(`${key} is not waiting for an approval`);
  const api = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
  for (const link of links) {
    console.log(`# ${link.approver}: the page of the approval email is ${api}/approvals/decide?token=${link.token}`);
    console.log(`curl -s -X POST ${api}/approvals/decide -H 'content-type: application/json' -d '{"token":"${link.token}","decision":"approve"}'`);
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
