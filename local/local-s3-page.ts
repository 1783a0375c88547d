import type { HttpResponse } from './api-gateway-event.ts';
import { BodyTooLargeError, type LocalPage, type LocalPageRequest } from './http-server.ts';
import type { LocalS3Bucket } from './local-s3-bucket.ts';
import { checkPostPolicy, isRefusal, type S3Refusal } from './s3-post-policy.ts';

/** Where the local API serves its S3 stand-in: `/local-s3/<bucket>` and `/local-s3/<bucket>/<key>`. */
export const LOCAL_S3_PATH = '/local-s3';

/** The credentials the local functions sign with (UPLOAD_S3_ENDPOINT set: see s3-upload-store.ts). */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

export interface LocalS3PageOptions {
  buckets: readonly LocalS3Bucket[];
  /** Origins whose browsers may post forms (the upload bucket's CORS rule). */
  webOrigins: readonly string[];
  /** Secret access keys by access key id; the local functions' by default. */
  credentials?: Readonly<Record<string, string>>;
  now?: () => Date;
}

/**
 * The S3 calls of file uploads, served by the local API as a page: a browser's form post with a
 * SigV4 POST policy (checked in full: signature, expiry, every condition; answered with the status
 * the form asked for, or S3's XML error), with the CORS headers of the bucket's rule; and the
 * function's HeadObject, CopyObject and DeleteObject, which need the local functions' access key
 * (their signature is not recomputed: only the browser's form is a request from outside).
 */
export function localS3Page(options: LocalS3PageOptions): LocalPage {
  const credentials = options.credentials ?? { [LOCAL_S3_CREDENTIALS.accessKeyId]: LOCAL_S3_CREDENTIALS.secretAccessKey };
  const now = options.now ?? (() => new Date());
  const buckets = new Map(options.buckets.map((bucket) => [bucket.name, bucket]));

  return async (request) => {
    const path = request.url.pathname;
    if (!path.startsWith(`${LOCAL_S3_PATH}/`)) return undefined;
    const rest = path.slice(LOCAL_S3_PATH.length + 1);
    const slash = rest.indexOf('/');
    const bucketName = slash === -1 ? rest : rest.slice(0, slash);
    const key = slash === -1 ? '' : decodeURIComponent(rest.slice(slash + 1));
    const cors = corsHeaders(request, options.webOrigins);
    const bucket = buckets.get(bucketName);
    if (!bucket) return s3Error({ status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist' }, cors);

    if (request.method === 'OPTIONS') {
      if (!cors['access-control-allow-origin'] || request.headers['access-control-request-method'] !== 'POST') {
        return s3Error(
          {
            status: 403,
            code: 'AccessForbidden',
            message:
              "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
          },
          {},
        );
      }
      const requested = request.headers['access-control-request-headers'];
      return {
        statusCode: 200,
        headers: { ...cors, 'access-control-allow-methods': 'POST', 'access-control-max-age': '3000', ...(requested ? { 'access-control-allow-headers': requested } : {}) },
        body: Buffer.alloc(0),
      };
    }
    if (request.method === 'POST' && key === '') return formPost(request, bucket, credentials, now(), cors);

    if (!signedByLocalFunction(request, credentials)) return s3Error({ status: 403, code: 'AccessDenied', message: 'Access Denied' }, cors);
    if (request.method === 'HEAD') {
      const head = await bucket.head(key);
      if (!head) return { statusCode: 404, headers: {}, body: Buffer.alloc(0) };
      return { statusCode: 200, headers: headHeaders(head), body: Buffer.alloc(0) };
    }
    if (request.method === 'DELETE') {
      await bucket.delete(key);
      return { statusCode: 204, headers: {}, body: Buffer.alloc(0) };
    }
    const copySource = header(request, 'x-amz-copy-source');
    if (request.method === 'PUT' && copySource) return copyObject(request, buckets, bucket, key, copySource);
    return s3Error({ status: 501, code: 'NotImplemented', message: 'The local S3 stand-in serves form uploads, HeadObject, CopyObject and DeleteObject only' }, cors);
  };
}

async function formPost(request: LocalPageRequest, bucket: LocalS3Bucket, credentials: Readonly<Record<string, string>>, now: Date, cors: Record<string, string>): Promise<HttpResponse> {
  const contentType = header(request, 'content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    return s3Error({ status: 412, code: 'PreconditionFailed', message: 'Bucket POST must be of the enclosure-type multipart/form-data' }, cors);
  }
  let form: FormData;
  try {
    form = await new Response(await request.body(), { headers: { 'content-type': contentType } }).formData();
  } catch (error) {
    // The local server reads at most API Gateway's 10 MB; a larger form is refused as S3 refuses one over its policy.
    if (error instanceof BodyTooLargeError) {
      return s3Error({ status: 400, code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size' }, cors);
    }
    return s3Error({ status: 400, code: 'MalformedPOSTRequest', message: 'The body of your POST request is not well-formed multipart/form-data.' }, cors);
  }
  // S3 reads the fields up to the file and ignores what follows it.
  const fields: [string, string][] = [];
  let file: File | undefined;
  for (const [name, value] of form.entries()) {
    if (name.toLowerCase() === 'file') {
      if (typeof value !== 'string') file = value;
      break;
    }
    if (typeof value === 'string') fields.push([name, value]);
  }
  if (!file) return s3Error({ status: 400, code: 'InvalidArgument', message: 'POST requires exactly one file upload per request.' }, cors);

  const outcome = checkPostPolicy({ fields, bucket: bucket.name, fileSize: file.size, credentials, now });
  if (isRefusal(outcome)) return s3Error(outcome, cors);
  const stored = await bucket.put(outcome.key, new Uint8Array(await file.arrayBuffer()), { contentType: outcome.contentType, metadata: outcome.metadata });
  const location = `${LOCAL_S3_PATH}/${bucket.name}/${outcome.key.split('/').map(encodeURIComponent).join('/')}`;
  const headers = { ...cors, etag: stored.etag, location };
  if (outcome.successStatus !== 201) return { statusCode: outcome.successStatus, headers, body: Buffer.alloc(0) };
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse><Location>${escapeXml(location)}</Location><Bucket>${escapeXml(bucket.name)}</Bucket><Key>${escapeXml(outcome.key)}</Key><ETag>${escapeXml(stored.etag)}</ETag></PostResponse>`;
  return { statusCode: 201, headers: { ...headers, 'content-type': 'application/xml' }, body: Buffer.from(xml) };
}

async function copyObject(request: LocalPageRequest, buckets: ReadonlyMap<string, LocalS3Bucket>, target: LocalS3Bucket, key: string, copySource: string): Promise<HttpResponse> {
  const source = decodeURIComponent(copySource).replace(/^\//, '');
  const sourceBucket = buckets.get(source.slice(0, source.indexOf('/')));
  const sourceKey = source.slice(source.indexOf('/') + 1);
  const head = sourceBucket ? await sourceBucket.head(sourceKey) : undefined;
  if (!sourceBucket || !head) return s3Error({ status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.' }, {});
  const ifMatch = header(request, 'x-amz-copy-source-if-match');
  if (ifMatch && ifMatch !== head.etag) return s3Error({ status: 412, code: 'PreconditionFailed', message: 'At least one of the pre-conditions you specified did not hold' }, {});
  const replace = header(request, 'x-amz-metadata-directive') === 'REPLACE';
  const metadata = replace
    ? Object.fromEntries(
        Object.entries(request.headers)
          .filter(([name]) => name.startsWith('x-amz-meta-'))
          .map(([name, value]) => [name.slice('x-amz-meta-'.length), String(value)]),
      )
    : head.metadata;
  const disposition = replace ? header(request, 'content-disposition') : head.contentDisposition;
  const stored = await target.put(key, await sourceBucket.bytes(sourceKey), {
    contentType: (replace ? header(request, 'content-type') : undefined) ?? head.contentType,
    ...(disposition ? { contentDisposition: disposition } : {}),
    metadata,
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<CopyObjectResult><LastModified>${new Date(stored.lastModified).toISOString()}</LastModified><ETag>${escapeXml(stored.etag)}</ETag></CopyObjectResult>`;
  return { statusCode: 200, headers: { 'content-type': 'application/xml' }, body: Buffer.from(xml) };
}

function headHeaders(head: { size: number; contentType: string; etag: string; lastModified: string; contentDisposition?: string; metadata: Record<string, string> }): Record<string, string> {
  return {
    'content-length': String(head.size),
    'content-type': head.contentType,
    etag: head.etag,
    'last-modified': head.lastModified,
    ...(head.contentDisposition ? { 'content-disposition': head.contentDisposition } : {}),
    ...Object.fromEntries(Object.entries(head.metadata).map(([name, value]) => [`x-amz-meta-${name}`, value])),
  };
}

/** The bucket's CORS rule: form posts from the web app's origins only. */
function corsHeaders(request: LocalPageRequest, webOrigins: readonly string[]): Record<string, string> {
  const origin = header(request, 'origin');
  if (!origin || !webOrigins.includes(origin)) return {};
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'ETag, Location', vary: 'Origin' };
}

/** The SDK's calls carry a SigV4 Authorization header naming the local access key. */
function signedByLocalFunction(request: LocalPageRequest, credentials: Readonly<Record<string, string>>): boolean {
  const accessKeyId = /^AWS4-HMAC-SHA256 Credential=([^/]+)\//.exec(header(request, 'authorization') ?? '')?.[1];
  return accessKeyId !== undefined && accessKeyId in credentials;
}

function header(request: LocalPageRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function s3Error(refusal: S3Refusal, headers: Record<string, string>): HttpResponse {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${escapeXml(refusal.message)}</Message></Error>`;
  return { statusCode: refusal.status, headers: { ...headers, 'content-type': 'application/xml' }, body: Buffer.from(xml) };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
