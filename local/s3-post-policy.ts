import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why S3 refuses a browser's form post: its HTTP status, error code and message, as S3 words them. */
export interface S3Refusal {
  status: number;
  code: string;
  message: string;
}

/** A form post S3 would take: what to store, and the status the form asked to be answered with. */
export interface AcceptedPost {
  key: string;
  contentType: string;
  /** `x-amz-meta-*` fields, by name without the prefix. */
  metadata: Record<string, string>;
  successStatus: 200 | 201 | 204;
}

export interface PostPolicyCheck {
  /** The form fields before the file, in order (names as sent). */
  fields: readonly (readonly [string, string])[];
  /** The bucket the form was posted to. */
  bucket: string;
  /** Bytes of the file part. */
  fileSize: number;
  /** Secret access keys by access key id: whoever signed the policy must be one of these. */
  credentials: Readonly<Record<string, string>>;
  now: Date;
}

/** Fields that no policy condition needs to cover (S3's own list). */
const EXEMPT_FIELDS = new Set(['x-amz-signature', 'file', 'policy']);

const refusal = (status: number, code: string, message: string): S3Refusal => ({ status, code, message });
const conditionFailed = (condition: unknown) => refusal(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ${JSON.stringify(condition)}`);

/**
 * Checks a browser's POST to a bucket as S3 does with a SigV4 POST policy: the signature over the
 * base64 policy (signing key from the credential's date and region), the policy's expiration, every
 * condition (exact matches, `eq`, `starts-with`, `content-length-range`) and that no field goes
 * uncovered. Field names are compared without case, values exactly.
 */
export function checkPostPolicy(check: PostPolicyCheck): AcceptedPost | S3Refusal {
  const fields = new Map<string, string>();
  for (const [name, value] of check.fields) if (!fields.has(name.toLowerCase())) fields.set(name.toLowerCase(), value);
  const key = fields.get('key');
  if (key === undefined || key === '') return refusal(400, 'InvalidArgument', "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.");
  const policy = fields.get('policy');
  if (policy === undefined) return refusal(403, 'AccessDenied', 'Access Denied');

  const algorithm = fields.get('x-amz-algorithm');
  const credential = fields.get('x-amz-credential');
  const date = fields.get('x-amz-date');
  const signature = fields.get('x-amz-signature');
  if (algorithm !== 'AWS4-HMAC-SHA256' || !credential || !date || !signature) {
    return refusal(400, 'InvalidRequest', 'The POST request must include X-Amz-Algorithm AWS4-HMAC-SHA256, X-Amz-Credential, X-Amz-Date and X-Amz-Signature.');
  }
  const scope = /^([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request$/.exec(credential);
  if (!scope) return refusal(400, 'AuthorizationQueryParametersError', 'Error parsing the X-Amz-Credential parameter; the Credential is mal-formed.');
  const [, accessKeyId, shortDate, region] = scope as unknown as [string, string, string, string];
  const secret = check.credentials[accessKeyId];
  if (secret === undefined) return refusal(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  if (!signatureMatches(policyDigest(secret, shortDate, region, policy), signature)) {
    return refusal(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
  }

  let document: { expiration?: unknown; conditions?: unknown };
  try {
    document = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as typeof document;
  } catch {
    return refusal(400, 'InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.');
  }
  const expiration = typeof document.expiration === 'string' ? Date.parse(document.expiration) : Number.NaN;
  if (Number.isNaN(expiration)) return refusal(400, 'InvalidPolicyDocument', 'Invalid Policy: Policy missing expiration.');
  if (!Array.isArray(document.conditions)) return refusal(400, 'InvalidPolicyDocument', 'Invalid Policy: Policy missing conditions.');
  if (check.now.getTime() >= expiration) return refusal(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');

  // `bucket` is matched against the bucket posted to, as S3 does, whether or not the form repeats it.
  const valueOf = (name: string): string | undefined => (name === 'bucket' ? check.bucket : fields.get(name));
  const covered = new Set<string>();
  let sizeRange: [number, number] | undefined;
  for (const condition of document.conditions as unknown[]) {
    if (Array.isArray(condition)) {
      const [operator, first, second] = condition as [unknown, unknown, unknown];
      if (operator === 'content-length-range') {
        if (typeof first !== 'number' || typeof second !== 'number') return refusal(400, 'InvalidPolicyDocument', 'Invalid Policy: Invalid content-length-range.');
        sizeRange = [first, second];
        continue;
      }
      if ((operator !== 'eq' && operator !== 'starts-with') || typeof first !== 'string' || !first.startsWith('$') || typeof second !== 'string') {
        return refusal(400, 'InvalidPolicyDocument', `Invalid Policy: Invalid Condition: ${JSON.stringify(condition)}`);
      }
      const name = first.slice(1).toLowerCase();
      covered.add(name);
      const value = valueOf(name) ?? '';
      if (operator === 'eq' ? value !== second : !value.startsWith(second)) return conditionFailed(condition);
    } else if (condition && typeof condition === 'object') {
      for (const [rawName, expected] of Object.entries(condition)) {
        const name = rawName.toLowerCase();
        covered.add(name);
        if (valueOf(name) !== expected) return conditionFailed(['eq', `$${rawName}`, expected]);
      }
    } else {
      return refusal(400, 'InvalidPolicyDocument', `Invalid Policy: Invalid Condition: ${JSON.stringify(condition)}`);
    }
  }
  const extra = [...fields.keys()].filter((name) => !EXEMPT_FIELDS.has(name) && !name.startsWith('x-ignore-') && !covered.has(name));
  if (extra.length) return refusal(403, 'AccessDenied', `Invalid according to Policy: Extra input fields: ${extra.join(', ')}`);

  if (sizeRange && check.fileSize > sizeRange[1]) return refusal(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
  if (sizeRange && check.fileSize < sizeRange[0]) return refusal(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size');

  const metadata = Object.fromEntries([...fields].filter(([name]) => name.startsWith('x-amz-meta-')).map(([name, value]) => [name.slice('x-amz-meta-'.length), value]));
  const status = Number(fields.get('success_action_status'));
  return {
    key,
    contentType: fields.get('content-type') ?? 'binary/octet-stream',
    metadata,
    successStatus: status === 200 || status === 201 ? status : 204,
  };
}

export function isRefusal(outcome: AcceptedPost | S3Refusal): outcome is S3Refusal {
  return 'code' in outcome;
}

/** The SigV4 signature of a POST policy: HMAC-SHA256 of the base64 policy with the day's signing key. */
export function policyDigest(secret: string, shortDate: string, region: string, policy: string): string {
  const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secret}`, shortDate), region), 's3'), 'aws4_request');
  return createHmac('sha256', signingKey).update(policy).digest('hex');
}

function signatureMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}
