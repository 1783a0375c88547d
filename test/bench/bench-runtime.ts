import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalDynamoDbClient, startDynamoDbLocal } from '../../local/dynamodb-local.ts';
import { startHttpServer, type RunningHttpServer } from '../../local/http-server.ts';
import { createInMemoryIssuer } from '../../local/issuer.ts';
import { findFreePort } from '../../local/port-check.ts';
import { startSideEffects, type RunningSideEffects } from '../../local/side-effects.ts';
import { ensureTable } from '../../local/table.ts';
import { personClaims, resolveTokenPerson } from '../../local/token-claims.ts';
import { serviceDeskConfig } from '../../shared/config/service-desk-config.ts';
import { ENV } from '../../shared/environment.ts';

export interface BenchRuntime {
  server: RunningHttpServer;
  sideEffects: RunningSideEffects;
  /** A token for a person, by role or email, as `npm run token` makes them. */
  token(person: { role?: string; email?: string }): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The whole local runtime on free ports with a fresh in-memory DynamoDB Local, quiet, for a bench:
 * the API, the stream, the SLA timers and the SMTP intake, driving the real handlers.
 */
export async function startBenchRuntime(tableName: string): Promise<BenchRuntime> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const dynamodb = await startDynamoDbLocal({ port: await findFreePort() });
  const client = createLocalDynamoDbClient(dynamodb.endpoint);
  await ensureTable(client, tableName);
  client.destroy();
  process.env[ENV.tableName] = tableName;
  process.env[ENV.dynamodbEndpoint] = dynamodb.endpoint;
  process.env[ENV.approvalLinkSecret] = 'bench';
  const issuer = await createInMemoryIssuer();
  const server = await startHttpServer({ port: 0, issuer, quiet: true });
  const sideEffects = await startSideEffects({ endpoint: dynamodb.endpoint, tableName, smtpPort: 0, mailDir: mkdtempSync(join(tmpdir(), 'bench-mail-')), sesPort: 0, outboxDir: mkdtempSync(join(tmpdir(), 'bench-outbox-')) });
  return {
    server,
    sideEffects,
    token: (person) => issuer.sign(personClaims(resolveTokenPerson(serviceDeskConfig(), person)), { expiresIn: '1h' }),
    async stop() {
      await sideEffects.stop();
      await server.close();
      await dynamodb.stop();
    },
  };
}
