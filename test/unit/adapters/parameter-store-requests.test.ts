import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetParameterCommand, ParameterAlreadyExists, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ParameterStoreError, ParameterStoreRequests } from '../../../shared/adapters/ssm/parameter-store-requests.ts';

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session-token' };
const REGION = 'eu-central-1';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stand-in of Parameter Store's endpoint: records each request and answers from a queue (200 `{}` when empty). */
let server: Server;
let endpoint: string;
const received: Received[] = [];
const answers: { status: number; body: string; headers?: Record<string, string> }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method!, url: request.url!, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = answers.shift() ?? { status: 200, body: '{}' };
      response.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1', ...answer.headers });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received.length = 0;
  answers.length = 0;
});

const requests = (maxAttempts = 3) => new ParameterStoreRequests({ region: REGION, credentials: CREDENTIALS, endpoint, maxAttempts });
const sdkClient = () => new SSMClient({ region: REGION, credentials: CREDENTIALS, endpoint, maxAttempts: 1 });

/** Signs the request as it arrived with the SDK's signer, at the time it says it was signed: equal only when nothing changed after signing. */
async function signatureOf(request: Received): Promise<string> {
  const [, signedHeaderList] = /SignedHeaders=([^,]+)/.exec(String(request.headers.authorization))!;
  const headers = Object.fromEntries(signedHeaderList!.split(';').map((name) => [name, String(request.headers[name])]));
  const date = String(request.headers['x-amz-date']);
  const signingDate = new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`);
  const url = new URL(endpoint);
  const signer = new SignatureV4({ service: 'ssm', region: REGION, credentials: CREDENTIALS, sha256: Sha256, applyChecksum: false });
  const signed = await signer.sign(new HttpRequest({ method: request.method, protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: request.url, headers, body: request.body }), {
    signingDate,
  });
  return String(signed.headers.authorization);
}

describe('Parameter Store calls without the SSM client', () => {
  it('sends GetParameter as the SSM client does, signed for ssm in the region', async () => {
    answers.push({ status: 200, body: JSON.stringify({ Parameter: { Name: '/desk/key', Value: 'secret', Type: 'SecureString', Version: 3 } }) });
    const output = await requests().send<{ Parameter?: { Value?: string } }>('GetParameter', { Name: '/desk/key', WithDecryption: true });
    expect(output.Parameter?.Value).toBe('secret');
    answers.push({ status: 200, body: JSON.stringify({ Parameter: { Name: '/desk/key', Value: 'secret', Type: 'SecureString', Version: 3 } }) });
    const sdkOutput = await sdkClient().send(new GetParameterCommand({ Name: '/desk/key', WithDecryption: true }));
    expect(sdkOutput.Parameter?.Value).toBe('secret');

    const [ours, sdk] = received as [Received, Received];
    expect({ method: ours.method, url: ours.url, body: JSON.parse(ours.body) }).toEqual({ method: sdk.method, url: sdk.url, body: JSON.parse(sdk.body) });
    for (const header of ['content-type', 'x-amz-target', 'x-amz-security-token', 'host']) expect([header, ours.headers[header]]).toEqual([header, sdk.headers[header]]);
    expect(ours.headers['x-amz-target']).toBe('AmazonSSM.GetParameter');
    expect(ours.headers.authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/${REGION}/ssm/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(ours.headers.authorization).toBe(await signatureOf(ours));
    // The SDK's request is checked the same way, so the check itself is known to hold for a good signature.
    expect(sdk.headers.authorization).toBe(await signatureOf(sdk));
    // The same headers are signed, apart from the SDK's own bookkeeping (its user agent and invocation ids).
    const signedHeaders = (request: Received) => /SignedHeaders=([^,]+)/.exec(String(request.headers.authorization))![1]!.split(';');
    expect(signedHeaders(ours)).toEqual(signedHeaders(sdk).filter((name) => !/^amz-sdk-|^x-amz-user-agent$/.test(name)));
  });

  it('sends PutParameter with its input as the SSM client does', async () => {
    const input = { Name: '/desk/key', Value: 'new-secret', Type: 'SecureString', Tier: 'Standard', Overwrite: false, Description: 'Signs links' } as const;
    answers.push({ status: 200, body: JSON.stringify({ Version: 1, Tier: 'Standard' }) });
    expect(await requests().send('PutParameter', { ...input })).toEqual({ Version: 1, Tier: 'Standard' });
    await sdkClient().send(new PutParameterCommand(input));
    const [ours, sdk] = received as [Received, Received];
    expect(ours.headers['x-amz-target']).toBe('AmazonSSM.PutParameter');
    expect(ours.headers['x-amz-target']).toBe(sdk.headers['x-amz-target']);
    expect(JSON.parse(ours.body)).toEqual(JSON.parse(sdk.body));
    expect(ours.headers.authorization).toBe(await signatureOf(ours));
  });

  it('names a refusal by its error type, with or without its namespace, as the SDK names the exception', async () => {
    answers.push({ status: 400, body: JSON.stringify({ __type: 'ParameterNotFound', message: 'Parameter /desk/key not found.' }) });
    await expect(requests().send('GetParameter', { Name: '/desk/key' })).rejects.toMatchObject({ name: 'ParameterNotFound', message: 'Parameter /desk/key not found.', statusCode: 400 });

    const alreadyExists = { status: 400, body: JSON.stringify({ __type: 'com.amazonaws.ssm#ParameterAlreadyExists', message: 'The parameter already exists.' }) };
    answers.push(alreadyExists);
    const ours = await requests()
      .send('PutParameter', { Name: '/desk/key', Value: 'x', Type: 'SecureString', Overwrite: false })
      .catch((error: unknown) => error);
    answers.push(alreadyExists);
    const sdk = await sdkClient()
      .send(new PutParameterCommand({ Name: '/desk/key', Value: 'x', Type: 'SecureString', Overwrite: false }))
      .catch((error: unknown) => error);
    expect(sdk).toBeInstanceOf(ParameterAlreadyExists);
    expect(ours).toBeInstanceOf(ParameterStoreError);
    expect((ours as Error).name).toBe((sdk as Error).name);
  });

  it('tries throttling and Parameter Store failures again, up to its attempts', async () => {
    answers.push({ status: 400, body: JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }) });
    answers.push({ status: 503, body: 'Service Unavailable', headers: { 'content-type': 'text/plain' } });
    answers.push({ status: 200, body: JSON.stringify({ Parameter: { Value: 'third-time' } }) });
    expect(await requests().send('GetParameter', { Name: '/desk/key' })).toEqual({ Parameter: { Value: 'third-time' } });
    expect(received).toHaveLength(3);

    received.length = 0;
    answers.push({ status: 400, body: JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }) });
    await expect(requests(1).send('GetParameter', { Name: '/desk/key' })).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(received).toHaveLength(1);
  });

  it('does not try a refused request again', async () => {
    answers.push({ status: 400, body: JSON.stringify({ __type: 'ValidationException', message: 'Name is too long' }) });
    await expect(requests().send('GetParameter', { Name: 'x'.repeat(3000) })).rejects.toMatchObject({ name: 'ValidationException', message: 'Name is too long' });
    expect(received).toHaveLength(1);
  });
});
