import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { contentDisposition, S3AttachmentLinks } from '../../../shared/adapters/s3/s3-attachment-links.ts';

const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', sessionToken: 'session/token+value=' };
const signingDate = new Date('2026-12-03T10:15:00Z');
const bucket = 'servicedesk-prod-mail-1a2b3c';

/**
 * The link the SDK's S3 client makes for the same GetObject, signed at the same moment. Its default
 * checksum settings add x-amz-checksum-mode (for a client that checks the answer's checksum, which
 * a browser downloading a file does not) or a checksum of the empty request body, so they are set
 * to what a download link needs: none.
 */
async function sdkLink(options: { key: string; filename: string; region: string; endpoint?: string }): Promise<string> {
  const client = new S3Client({
    region: options.region,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
  });
  try {
    const command = new GetObjectCommand({ Bucket: bucket, Key: options.key, ResponseContentDisposition: contentDisposition(options.filename) });
    return await getSignedUrl(client, command, { expiresIn: 300, signingDate });
  } finally {
    client.destroy();
  }
}

describe('S3 download links', () => {
  const cases = [
    { key: 'attachments/0123456789abcdef0123456789abcdef/0/report.pdf', filename: 'report.pdf', region: 'eu-west-1' },
    { key: 'attachments/fedcba9876543210fedcba9876543210/3/Zeugnis (final) für Jürgen!.pdf', filename: 'Zeugnis (final) für Jürgen!.pdf', region: 'us-east-1' },
    { key: "attachments/00000000000000000000000000000000/1/a+b=c;d'e*f.txt", filename: '"quoted"\\name.txt', region: 'ap-southeast-2' },
  ];

  it.each(cases)('signs the same URL as the S3 client for $filename in $region', async ({ key, filename, region }) => {
    const links = new S3AttachmentLinks({ bucket, region, credentials, now: () => signingDate });
    const ours = await links.downloadUrl(key, filename, 300);
    expect(ours).toBe(await sdkLink({ key, filename, region }));
    expect(new URL(ours).host).toBe(`${bucket}.s3.${region}.amazonaws.com`);
  });

  it('signs path-style URLs against an endpoint, as the S3 client does with forcePathStyle', async () => {
    const endpoint = 'http://127.0.0.1:4599';
    const { key, filename } = cases[1]!;
    const links = new S3AttachmentLinks({ bucket, region: 'us-east-1', credentials, endpoint, now: () => signingDate });
    const ours = await links.downloadUrl(key, filename, 300);
    expect(ours).toBe(await sdkLink({ key, filename, region: 'us-east-1', endpoint }));
    expect(new URL(ours).pathname.startsWith(`/${bucket}/attachments/`)).toBe(true);
  });

  it('signs each link when it is made, with credentials asked for then', async () => {
    let asked = 0;
    const links = new S3AttachmentLinks({ bucket, region: 'eu-west-1', credentials: async () => (asked++, credentials) });
    const first = new URL(await links.downloadUrl(cases[0]!.key, 'report.pdf', 60));
    expect(first.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(first.searchParams.get('X-Amz-Security-Token')).toBe(credentials.sessionToken);
    expect(first.searchParams.get('response-content-disposition')).toBe(contentDisposition('report.pdf'));
    await links.downloadUrl(cases[0]!.key, 'report.pdf', 60);
    expect(asked).toBe(2);
  });
});
