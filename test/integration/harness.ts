import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { HttpRoute } from '../../functions/http/routes.ts';
import { ENV } from '../../shared/environment.ts';
import { serviceDeskConfig } from '../../shared/config/service-desk-config.ts';
import { useServiceDeskConfig } from '../../shared/config/use-service-desk-config.ts';
import { startSideEffects, type RunningSideEffects } from '../../local/side-effects.ts';
import { createLocalDynamoDbClient } from '../../local/dynamodb-local.ts';
import { startHttpServer, type HandlerLoader, type LocalPage } from '../../local/http-server.ts';
import { createInMemoryIssuer, LOCAL_AUDIENCE, type LocalIssuer } from '../../local/issuer.ts';
import { ensureTable } from '../../local/table.ts';
import { localUploadsPage, useLocalUploads } from '../../local/local-uploads.ts';
import { machineClientClaims, personClaims, resolveTokenPerson, type TokenRole } from '../../local/token-claims.ts';

export interface TestTokenOptions {
  /** Staff role or 'requester' (default); a staff role picks the first configured user of it. */
  role?: TokenRole;
  /** A configured staff email takes that user's role; any other email is a requester (or the given role). */
  email?: string;
  /** Overrides the Cognito groups the role implies, e.g. [] or ['agent', 'manager']. */
  groups?: string[];
  /** Scopes of a machine-client access token; giving scopes or client makes a machine token. */
  scopes?: string[];
  client?: string;
  /** Seconds (negative for an already expired token) or a span such as '5m'; default 1 h. */
  expiresIn?: number | string;
}

export interface TestRequestOptions {
  token?: string;
  /** Objects are sent as JSON; strings and Buffers as they are. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestResponse {
  status: number;
  headers: Record<string, string>;
  /** The parsed JSON body; undefined when the body is empty or not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read the answers by field, as JSON.parse gives them
  json: any;
  text: string;
}

export interface TestApp {
  url: string;
  /** The stream and timers, when started with `sideEffects: true`. */
  sideEffects: RunningSideEffects | undefined;
  tableName: string;
  endpoint: string;
  issuer: LocalIssuer;
  /** The key the handlers verify approval links with. */
  approvalLinkKey: Uint8Array;
  token(options?: TestTokenOptions): Promise<string>;
  request(method: string, path: string, options?: TestRequestOptions): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** A fake route table, for testing the local server itself. */
  routes?: readonly HttpRoute[];
  loadHandler?: HandlerLoader;
  /** Request log lines; off by default to keep test output readable. */
  log?: boolean;
  /** A configuration other than the shipped servicedesk.config.ts (validated like it). */
  config?: unknown;
  /** Also run the stream handler and the local SLA timers, as `npm start` does. */
  sideEffects?: boolean;
  /** Serve the S3 stand-in for uploads at /local-s3, as `npm start` does (needs sideEffects for download links). */
  uploads?: { webOrigins?: readonly string[]; now?: () => Date };
  /** The server's own pages (the web app's files, the sign-in pages), given the run's issuer; tried after the uploads. */
  pages?: (issuer: LocalIssuer) => Promise<{ pages?: readonly LocalPage[]; fallbackPages?: readonly LocalPage[] }>;
  /** 0 (a free port) by default; pages that name the server's URL need it known beforehand. */
  port?: number;
}

/** The machine clients the tests sign in as, listed for the authorizer as the stack lists its app clients. */
export const TEST_MACHINE_CLIENTS = ['reporting', 'monitoring', 'integration', 'unscoped'];

/**
 * The API as `npm start` serves it, on a random port, against a fresh table in the run's DynamoDB
 * Local. Sets TABLE_NAME and DYNAMODB_ENDPOINT before any handler loads (vitest gives each test
 * file its own module graph and environment, so call it once per file, in beforeAll).
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const endpoint = inject('dynamodbEndpoint');
  const tableName = `test-${randomBytes(6).toString('hex')}`;
  const client = createLocalDynamoDbClient(endpoint);
  await ensureTable(client, tableName);
  client.destroy();
  process.env[ENV.tableName] = tableName;
  process.env[ENV.dynamodbEndpoint] = endpoint;
  const approvalLinkKey = randomBytes(32).toString('base64url');
  process.env[ENV.approvalLinkSecret] = approvalLinkKey;
  if (options.config !== undefined) useServiceDeskConfig(options.config);

  const issuer = await createInMemoryIssuer({ audiences: [...LOCAL_AUDIENCE, ...TEST_MACHINE_CLIENTS] });
  const mailDir = mkdtempSync(join(tmpdir(), 'servicedesk-mail-'));
  const uploadsDir = mkdtempSync(join(tmpdir(), 'servicedesk-uploads-'));
  const pages = options.uploads ? [localUploadsPage({ uploadsDir, mailDir, webOrigins: options.uploads.webOrigins ?? [], ...(options.uploads.now ? { now: options.uploads.now } : {}) })] : [];
  const extra = await options.pages?.(issuer);
  const server = await startHttpServer({
    port: options.port ?? 0,
    issuer,
    pages: [...pages, ...(extra?.pages ?? [])],
    fallbackPages: extra?.fallbackPages ?? [],
    quiet: !options.log,
    ...(options.routes ? { routes: options.routes } : {}),
    ...(options.loadHandler ? { loadHandler: options.loadHandler } : {}),
  });
  // Links in mail (approval links) point at this server.
  process.env[ENV.publicApiUrl] = server.url;
  const sideEffects = options.sideEffects ? await startSideEffects({ endpoint, tableName, smtpPort: 0, mailDir, sesPort: 0, outboxDir: mkdtempSync(join(tmpdir(), 'servicedesk-outbox-')) }) : undefined;
  if (options.uploads) useLocalUploads(server.url);

  return {
    url: server.url,
    sideEffects,
    tableName,
    endpoint,
    issuer,
    approvalLinkKey: new TextEncoder().encode(approvalLinkKey),

    async token(tokenOptions = {}) {
      const { expiresIn = '1h' } = tokenOptions;
      if (tokenOptions.client !== undefined || tokenOptions.scopes !== undefined) {
        return issuer.sign(machineClientClaims(tokenOptions.client, tokenOptions.scopes ?? []), { expiresIn });
      }
      const person = resolveTokenPerson(serviceDeskConfig(), { role: tokenOptions.role, email: tokenOptions.email });
      const groups = tokenOptions.groups ?? person.groups;
      return issuer.sign(personClaims({ ...person, groups }), { expiresIn });
    },

    async request(method, path, requestOptions = {}) {
      const headers: Record<string, string> = { ...requestOptions.headers };
      if (requestOptions.token) headers.authorization = `Bearer ${requestOptions.token}`;
      let body: string | Buffer | undefined;
      if (typeof requestOptions.body === 'string' || Buffer.isBuffer(requestOptions.body)) {
        body = requestOptions.body;
      } else if (requestOptions.body !== undefined) {
        body = JSON.stringify(requestOptions.body);
        if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
      }
      // The API's own answer, redirects included (a download link is a 302).
      const response = await fetch(new URL(path, server.url), { method, headers, redirect: 'manual', ...(body !== undefined ? { body } : {}) });
      const text = await response.text();
      return { status: response.status, headers: Object.fromEntries(response.headers), json: parseJson(text), text };
    },

    async close() {
      await server.close();
      await sideEffects?.stop();
    },
  };
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
