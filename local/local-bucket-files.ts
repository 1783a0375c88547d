import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { LocalRawMailStore } from './local-raw-mail-store.ts';

/** The credentials the local link maker signs with (S3_ENDPOINT set: see s3-attachment-links.ts). */
const LOCAL_S3_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const REGION = 'us-east-1';

export interface LocalBucketFiles {
  /** The endpoint presigned URLs are made for (S3_ENDPOINT); path-style: `<endpoint>/<bucket>/<key>`. */
  url: string;
  close(): Promise<void>;
}

/** The reason S3 gives when it refuses a presigned GET, or none when the link holds. */
type Refusal = { code: 'AccessDenied' | 'SignatureDoesNotMatch'; message: string };

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Checks a presigned GetObject URL as S3 does: recomputes it with the same SigV4 presigner from
 * what the request names (host, key, response-content-disposition, signing date and lifetime) and
 * refuses it unless every query parameter, the signature included, is the same; then refuses it
 * once X-Amz-Date + X-Amz-Expires has passed.
 */
async function refusalOf(url: URL, host: string, bucket: string, key: string, now: Date): Promise<Refusal | undefined> {
  const query = url.searchParams;
  const date = AMZ_DATE.exec(query.get('X-Amz-Date') ?? '');
  const expiresIn = Number(query.get('X-Amz-Expires') ?? '');
  if (!date || !query.get('X-Amz-Signature') || !Number.isInteger(expiresIn) || expiresIn < 1) {
    return {
      code: 'AccessDenied',
      message: 'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    };
  }
  const signedAt = new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]), Number(date[4]), Number(date[5]), Number(date[6])));
  // Without checksums, as a download link is made (see s3-attachment-links.ts).
  const client = new S3Client({
    endpoint: `http://${host}`,
    forcePathStyle: true,
    region: REGION,
    credentials: LOCAL_S3_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const disposition = query.get('response-content-disposition');
  const command = new GetObjectCommand({ Bucket: bucket, Key: key, ...(disposition !== null ? { ResponseContentDisposition: disposition } : {}) });
  const expected = new URL(await getSignedUrl(client, command, { expiresIn, signingDate: signedAt }));
  client.destroy();
  const sorted = (params: URLSearchParams) => JSON.stringify([...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  if (expected.pathname !== url.pathname || sorted(expected.searchParams) !== sorted(query)) {
    return { code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.' };
  }
  if (signedAt.getTime() + expiresIn * 1000 <= now.getTime()) return { code: 'AccessDenied', message: 'Request has expired' };
  return undefined;
}

function s3Error(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

/**
 * The GET side of the local mail bucket, for download links: serves `/<bucket>/<key>` from the
 * local store's directory, as S3 serves a presigned URL. Only a link whose SigV4 signature holds,
 * that has not expired, and that names a key under `attachments/` (all the API's role may read) is
 * served; otherwise 403 with S3's error code.
 */
export async function startLocalBucketFiles(options: { store: LocalRawMailStore; bucket: string; port: number }): Promise<LocalBucketFiles> {
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const prefix = `/${options.bucket}/`;
      const key = decodeURIComponent(url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : '');
      if (request.method !== 'GET' || !key.startsWith('attachments/')) return s3Error(response, 403, 'AccessDenied', 'Access Denied');
      const refusal = await refusalOf(url, request.headers.host ?? '', options.bucket, key, new Date());
      if (refusal) return s3Error(response, 403, refusal.code, refusal.message);
      try {
        const path = options.store.pathOf(key);
        const size = (await stat(path)).size;
        response.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': String(size),
          'content-disposition': url.searchParams.get('response-content-disposition') ?? 'attachment',
          'x-content-type-options': 'nosniff',
        });
        createReadStream(path).pipe(response);
      } catch {
        s3Error(response, 404, 'NoSuchKey', 'The specified key does not exist.');
      }
    })().catch(() => {
      if (!response.headersSent) s3Error(response, 500, 'InternalError', 'We encountered an internal error. Please try again.');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
