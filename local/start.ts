import { ENV } from '#shared/environment';
import { loadOrCreateApprovalLinkKey } from './approval-link-key.ts';
import { ConfigError } from '#shared/config/config-error';
import { serviceDeskConfig } from '#shared/config/service-desk-config';
import { receivingAddresses } from '#shared/email/desk-addresses';
import type { ServiceDeskConfig } from '#shared/config/config-schema';
import { createLocalDocumentClient, createLocalDynamoDbClient, startDynamoDbLocal, type RunningDynamoDbLocal } from './dynamodb-local.ts';
import { startHttpServer, type RunningHttpServer } from './http-server.ts';
import { LOCAL_CLIENT_ID, loadPersistedIssuer } from './issuer.ts';
import { assertJavaAvailable } from './java-runtime.ts';
import { LOCAL_PATHS, LOCAL_TABLE_NAME, shownLocalPath } from './local-paths.ts';
import { LocalRuntimeError } from './local-runtime-error.ts';
import { createLocalSignIn } from './local-sign-in.ts';
import { DynamoDbInvitations } from '#shared/adapters/dynamodb/dynamodb-invitations';
import { checkSignUp } from '#shared/use-cases/check-sign-up';
import { localUploadsPage, useLocalUploads } from './local-uploads.ts';
import { assertPortFree } from './port-check.ts';
import { startSideEffects, type RunningSideEffects } from './side-effects.ts';
import { ensureTable } from './table.ts';
import { startWebAppBuild, webAppBuilt, webBuildModeFromEnv, type RunningWebAppBuild, type WebBuildMode } from './web-app-build.ts';
import { createWebAppFiles } from './web-app-files.ts';

/** `npm start`: the whole service desk on this machine, with no AWS account. */
async function main(): Promise<void> {
  // Development machines may run Node 20; the SDK's notice about its future Node 22 floor is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // One request line per call is enough locally; POWERTOOLS_LOG_LEVEL=INFO shows the handlers' logs.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const config = serviceDeskConfig();
  const dynamodbPort = portFromEnv('DYNAMODB_PORT', 8000);
  const httpPort = portFromEnv('PORT', 3000);
  const smtpPort = portFromEnv('SMTP_PORT', 2525);
  const sesPort = portFromEnv('SES_PORT', 8005);
  const intakePort = portFromEnv('INTAKE_PORT', 9324);
  const webBuildMode = webBuildModeFromEnv();
  assertJavaAvailable();
  // Every port is checked before anything starts, so a clash leaves nothing half-running.
  await assertPortFree(httpPort, 'the local API', 'PORT');
  await assertPortFree(smtpPort, 'the local SMTP intake', 'SMTP_PORT');
  await assertPortFree(sesPort, 'the local SES and its mail viewer', 'SES_PORT');
  await assertPortFree(intakePort, 'the local SQS endpoint of the intake queue', 'INTAKE_PORT');

  let dynamodb: RunningDynamoDbLocal | undefined;
  let http: RunningHttpServer | undefined;
  let sideEffects: RunningSideEffects | undefined;
  let webBuild: RunningWebAppBuild | undefined;
  let stopping = false;
  const stop = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    await webBuild?.stop().catch(() => undefined);
    await http?.close().catch(() => undefined);
    await sideEffects?.stop().catch(() => undefined);
    await dynamodb?.stop().catch(() => undefined);
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    dynamodb = await startDynamoDbLocal({ port: dynamodbPort, dbPath: LOCAL_PATHS.dynamodbData, portEnvVar: 'DYNAMODB_PORT' });
    // Handlers read these when their module loads, which happens on their first request.
    process.env[ENV.tableName] = LOCAL_TABLE_NAME;
    process.env[ENV.approvalLinkSecret] = loadOrCreateApprovalLinkKey(LOCAL_PATHS.approvalLinkKey);
    process.env[ENV.dynamodbEndpoint] = dynamodb.endpoint;
    // Approval links in mail point at the local API.
    process.env[ENV.publicApiUrl] ??= `http://localhost:${httpPort}`;
    // Invitations link to the web app, which the local server serves beside the API.
    process.env[ENV.publicWebUrl] ??= `http://localhost:${httpPort}`;
    const client = createLocalDynamoDbClient(dynamodb.endpoint);
    const addedIndexes = await ensureTable(client, LOCAL_TABLE_NAME);
    client.destroy();
    if (addedIndexes.length > 0) {
      // A table of an earlier build: only the migration puts its existing tickets into the new index and counts them.
      console.log(
        `Added ${addedIndexes.join(', ')} to the local table. Bring its tickets into it and rebuild the queue counters with:\n` +
          `  npm run migrate:keys -- --table ${LOCAL_TABLE_NAME} --endpoint ${dynamodb.endpoint}`,
      );
    }
    const issuer = await loadPersistedIssuer(LOCAL_PATHS.issuerKey);
    // Everything behind the API first: once /health answers, mail and timers work too.
    sideEffects = await startSideEffects({
      endpoint: dynamodb.endpoint,
      tableName: LOCAL_TABLE_NAME,
      smtpPort,
      sesPort,
      intakePort,
      outboxDir: LOCAL_PATHS.outbox,
      deadLetterDir: LOCAL_PATHS.deadLetters,
    });
    // The app's files are read on every request: the watch build's output is served once written.
    // WEB_BUILD=none serves web/dist as it is (docs:check, tests that use it meanwhile).
    if (webBuildMode === 'watch') webBuild = await startWebAppBuild();
    const webApp = createWebAppFiles({ config });
    // The same sign-up rule as the user pool's pre-sign-up trigger: staff, an allowed domain, or an invitation.
    const mayCreateAccount = checkSignUp({
      config,
      invitations: new DynamoDbInvitations(createLocalDocumentClient(dynamodb.endpoint), LOCAL_TABLE_NAME),
      now: () => new Date(),
    });
    const signIn = await createLocalSignIn({ issuer, config, port: httpPort, mayCreateAccount });
    // Browsers post files to the stand-in of the upload bucket on this server, as they would to S3.
    const webOrigins = [`http://localhost:${httpPort}`, `http://127.0.0.1:${httpPort}`];
    const uploads = localUploadsPage({ uploadsDir: LOCAL_PATHS.uploads, mailDir: sideEffects.mailDir, webOrigins });
    useLocalUploads(`http://localhost:${httpPort}`);
    http = await startHttpServer({ port: httpPort, issuer, pages: [signIn, uploads, webApp.page], fallbackPages: [webApp.fallbackPage] });
  } catch (error) {
    await webBuild?.stop().catch(() => undefined);
    await http?.close().catch(() => undefined);
    await sideEffects?.stop().catch(() => undefined);
    await dynamodb?.stop().catch(() => undefined);
    throw error;
  }
  printBanner(config, webBuildMode, http.url, dynamodb.endpoint, smtpPort, sideEffects.ses.url, sideEffects.intake.queueUrl, deadLettersLine(sideEffects));
}

/** Dead letters kept from earlier runs, and with REDRIVE_DEAD_LETTERS=1 sent back to their queues (a DLQ redrive). */
function deadLettersLine(sideEffects: RunningSideEffects): string {
  if (process.env.REDRIVE_DEAD_LETTERS === '1') {
    const moved = sideEffects.queues.reduce((sum, queue) => sum + queue.redrive(), 0);
    return `Dead letters       ${moved} sent back to their queues (from ${shownLocalPath(LOCAL_PATHS.deadLetters)})`;
  }
  const kept = sideEffects.queues.reduce((sum, queue) => sum + queue.deadLetters().length, 0);
  return `Dead letters       ${kept} in ${shownLocalPath(LOCAL_PATHS.deadLetters)}/<queue>/ (kept across restarts; REDRIVE_DEAD_LETTERS=1 npm start sends them back)`;
}

/** The address to open in a browser: localhost, which the local sign-in accepts as well as 127.0.0.1. */
function webAppUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  if (url.hostname === '127.0.0.1') url.hostname = 'localhost';
  return url.href;
}

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new LocalRuntimeError(`${name}=${raw} is not a port number; use an integer from 1 to 65535.`);
  }
  return port;
}

function printBanner(config: ServiceDeskConfig, webBuildMode: WebBuildMode, url: string, dynamodbEndpoint: string, smtpPort: number, sesUrl: string, intakeQueueUrl: string, deadLetters: string): void {
  const roles = ['admin', 'manager', 'agent'] as const;
  const lines = [
    '',
    `Web app  ${webAppUrl(url)}`,
    ...(webBuildMode === 'none' ? [`  WEB_BUILD=none: web/dist is served as it is, never rebuilt${webAppBuilt() ? '' : ' (it holds no build: npm run build:web)'}`] : []),
    '',
    `Service desk API   ${url}  (the web app calls it under ${url}/api)`,
    `  health           ${url}/health`,
    `  OpenAPI          ${url}/openapi.json`,
    `Sign-in (OIDC)     ${url}/.well-known/openid-configuration (client ${LOCAL_CLIENT_ID}, callback /auth/callback)`,
    `DynamoDB Local     ${dynamodbEndpoint} (table ${LOCAL_TABLE_NAME}, data in ${shownLocalPath(LOCAL_PATHS.dynamodbData)})`,
    `SMTP intake        localhost:${smtpPort} (mail to ${receivingAddresses(config).join(', ') || 'any address'} becomes tickets; raw mail in ${shownLocalPath(LOCAL_PATHS.mail)})`,
    `Sent mail          ${sesUrl} (viewer; exact copies with threading headers in ${shownLocalPath(LOCAL_PATHS.outbox)})`,
    `Intake queue       ${intakeQueueUrl} (SQS SendMessage; JSON requests from other systems)`,
    `Uploads            ${url}/local-s3 (POST /uploads signs form posts to it; files in ${shownLocalPath(LOCAL_PATHS.uploads)} until attached)`,
    deadLetters,
    '',
    'Demo users (servicedesk.config.ts):',
    ...roles.flatMap((role) => config.users.filter((user) => user.role === role).map((user) => `  ${role.padEnd(9)} ${user.email.padEnd(32)} ${user.name}`)),
    '  requester any email, e.g. requester@example.org (requesters need no entry)',
    '',
    'Get a token (the last line printed is the token):',
    '  npm run token -- --role agent',
    '  npm run token -- --role requester --email jane@example.org',
    '',
    'SLA timers run here too: open a ticket from catalog item it-sla-demo (2-minute target) and watch its history.',
    '',
    'Try it:',
    `  TOKEN=$(npm run --silent token -- --role agent | tail -n 1)`,
    `  curl -H "Authorization: Bearer $TOKEN" ${url}/tickets`,
    '',
    'Stop with Ctrl+C.',
  ];
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof LocalRuntimeError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error('The local runtime failed to start:', error);
  }
  process.exit(1);
});
