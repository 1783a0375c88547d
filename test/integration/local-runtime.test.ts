import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, DescribeTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3AttachmentLinks } from '../../shared/adapters/s3/s3-attachment-links.ts';
import { createTableInput, TTL_ATTRIBUTE } from '../../shared/store/table-definition.ts';
import { startLocalBucketFiles } from '../../local/local-bucket-files.ts';
import { LocalRawMailStore } from '../../local/local-raw-mail-store.ts';
import { createLocalDynamoDbClient, startDynamoDbLocal } from '../../local/dynamodb-local.ts';
import { findFreePort } from '../../local/port-check.ts';
import { createInMemoryIssuer } from '../../local/issuer.ts';
import { ensureTable } from '../../local/table.ts';
import { machineClientClaims, personClaims } from '../../local/token-claims.ts';
import { startTestApp, type TestApp } from './harness.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('local runtime against DynamoDB Local', () => {
  it('creates the table from the shared definition: four GSIs, a stream and TTL', async () => {
    const client = createLocalDynamoDbClient(app.endpoint);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: app.tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(['GSI1', 'GSI2', 'GSI3', 'GSI4']);
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: app.tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: TTL_ATTRIBUTE, TimeToLiveStatus: 'ENABLED' });
    client.destroy();
  });

  it('ensures an existing table again without error or change', async () => {
    const client = createLocalDynamoDbClient(app.endpoint);
    const before = await client.send(new DescribeTableCommand({ TableName: app.tableName }));
    await ensureTable(client, app.tableName);
    const after = await client.send(new DescribeTableCommand({ TableName: app.tableName }));
    expect(after.Table?.CreationDateTime).toEqual(before.Table?.CreationDateTime);
    client.destroy();
  });

  it('adds the index a table of an earlier build lacks, once', async () => {
    // A DynamoDB Local of its own: the shared one, busy with every other file, can leave a new index building for minutes.
    const own = await startDynamoDbLocal({ port: await findFreePort() });
    const client = createLocalDynamoDbClient(own.endpoint);
    try {
      await addsTheMissingIndex(client, `${app.tableName}-earlier`);
    } finally {
      client.destroy();
      await own.stop();
    }
  }, 120_000);

  async function addsTheMissingIndex(client: DynamoDBClient, tableName: string) {
    const earlier = createTableInput(tableName);
    await client.send(
      new CreateTableCommand({
        ...earlier,
        AttributeDefinitions: earlier.AttributeDefinitions.filter((attribute) => !attribute.AttributeName.startsWith('GSI4')),
        GlobalSecondaryIndexes: earlier.GlobalSecondaryIndexes.filter((index) => index.IndexName !== 'GSI4'),
      }),
    );
    expect(await ensureTable(client, earlier.TableName)).toEqual(['GSI4']);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: earlier.TableName }));
    expect(Table?.GlobalSecondaryIndexes?.find((index) => index.IndexName === 'GSI4')).toMatchObject({
      IndexStatus: 'ACTIVE',
      KeySchema: [
        { AttributeName: 'GSI4PK', KeyType: 'HASH' },
        { AttributeName: 'GSI4SK', KeyType: 'RANGE' },
      ],
    });
    expect(await ensureTable(client, earlier.TableName)).toEqual([]);
  }

  it('points the handlers at the test table', () => {
    expect(process.env.TABLE_NAME).toBe(app.tableName);
    expect(process.env.DYNAMODB_ENDPOINT).toBe(app.endpoint);
  });

  it('serves GET /health through the real handler', async () => {
    const response = await app.request('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 'ok' });
  });

  it('answers 404 Not Found for an unknown route', async () => {
    const response = await app.request('GET', '/no-such-route');
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ message: 'Not Found' });
  });

  it('answers 401 on a guarded route without a token', async () => {
    const response = await app.request('GET', '/tickets');
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ message: 'Unauthorized' });
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('answers 401 for a token signed by another issuer', async () => {
    const stranger = await createInMemoryIssuer();
    const token = await stranger.sign(personClaims({ email: 'alice.agent@example.com', name: 'Alice', groups: ['agent'] }));
    const response = await app.request('GET', '/tickets', { token });
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toContain('invalid_token');
  });

  it('answers 401 for a token of an app client that the authorizer does not list, as API Gateway does', async () => {
    // A listed client passes the authorizer: the 404 comes from the handler.
    const listed = await app.request('GET', '/tickets/SD-999999', { token: await app.issuer.sign(machineClientClaims('reporting', ['servicedesk/tickets.read'])) });
    expect(listed.status).toBe(404);
    const unlisted = await app.issuer.sign(machineClientClaims('any-client-at-all', ['servicedesk/tickets.read']));
    // A token with aud is judged by aud, whatever its client_id says.
    const otherAudience = await app.issuer.sign({ ...machineClientClaims('reporting', ['servicedesk/tickets.read']), aud: 'another-app' });
    for (const token of [unlisted, otherAudience]) {
      const response = await app.request('GET', '/tickets/SD-999999', { token });
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toContain('the token does not have a valid audience');
    }
  });

  it('answers 401 for an expired token', async () => {
    const token = await app.token({ role: 'agent', expiresIn: -60 });
    const response = await app.request('GET', '/tickets', { token });
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toContain('the token has expired');
  });

  it('lets a valid token through the authorizer to the handler', async () => {
    const token = await app.token({ role: 'agent' });
    const response = await app.request('GET', '/tickets/SD-999999', { token });
    // 404 comes from the get-ticket use case: the claims became a principal and the table was read.
    expect(response.status).toBe(404);
  });
});

describe('local download links', () => {
  const bucket = 'servicedesk-local-mail';
  const report = 'attachments/0123456789abcdef0123456789abcdef/0/report.pdf';
  const payroll = 'attachments/fedcba9876543210fedcba9876543210/0/payroll.pdf';

  it('serves a file only through an unexpired link whose signature holds, answering 403 as S3 does otherwise', async () => {
    const store = new LocalRawMailStore({ rootDir: mkdtempSync(join(tmpdir(), 'servicedesk-bucket-')) });
    await store.put(report, Buffer.from('the report'));
    await store.put(payroll, Buffer.from('the payroll'));
    const files = await startLocalBucketFiles({ store, bucket, port: 0 });
    const signer = (now?: () => Date) => new S3AttachmentLinks({ bucket, endpoint: files.url, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, now });
    try {
      const link = await signer().downloadUrl(report, 'report.pdf', 300);
      const served = await fetch(link);
      expect(served.status).toBe(200);
      expect(await served.text()).toBe('the report');

      const changed = (change: (url: URL) => void) => {
        const url = new URL(link);
        change(url);
        return url.href;
      };
      const tampered = [
        changed((url) => (url.pathname = `/${bucket}/${payroll}`)),
        changed((url) => url.searchParams.set('X-Amz-Expires', '604800')),
        changed((url) => url.searchParams.set('response-content-disposition', 'inline')),
        changed((url) => url.searchParams.set('X-Amz-Signature', '0'.repeat(64))),
      ];
      for (const url of tampered) {
        const refused = await fetch(url);
        expect(refused.status, url).toBe(403);
        expect(await refused.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
      }
      const unsigned = await fetch(changed((url) => url.searchParams.delete('X-Amz-Signature')));
      expect(unsigned.status).toBe(403);
      expect(await unsigned.text()).toContain('<Code>AccessDenied</Code>');

      // Signed ten minutes ago for five: the link has expired.
      const expired = await fetch(await signer(() => new Date(Date.now() - 600_000)).downloadUrl(report, 'report.pdf', 300));
      expect(expired.status).toBe(403);
      expect(await expired.text()).toMatch(/<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/);
    } finally {
      await files.close();
    }
  });
});
