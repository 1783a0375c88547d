import { describe, expect, it } from 'vitest';
import { S3ObjectRequests } from '../../../shared/adapters/s3/s3-object-requests.ts';
import { S3AttachmentStore } from '../../../shared/adapters/s3/s3-attachment-store.ts';
import { DEFAULT_ATTACHMENT_LIMITS } from '../../../shared/config/attachment-limits.ts';
import { attachmentLimitsSchema } from '../../../shared/config/email-schema.ts';
import { admitAttachments, formatBytes } from '../../../shared/email/attachment-admission.ts';
import { attachmentObjectKey } from '../../../shared/ports/attachment-store.ts';
import { startRecordingServer } from '../../support/recording-server.ts';

const MB = 1024 * 1024;

describe('which attachments are stored', () => {
  const limits = { maxFileBytes: 10 * MB, maxTotalBytes: 15 * MB, maxCount: 3 };

  it('stores files within the limits and says which limit each other file broke', () => {
    expect(admitAttachments([1 * MB, 11 * MB, 9 * MB, 6 * MB, 1 * MB, 1, 1], limits)).toEqual([
      undefined,
      'larger than the 10 MB limit per file',
      undefined,
      'over the 15 MB limit per mail',
      // A later, smaller file still fits the total.
      undefined,
      'over the limit of 3 attachments per mail',
      'over the limit of 3 attachments per mail',
    ]);
  });

  it('stores a file of exactly the per-file limit, and zero-byte files', () => {
    expect(admitAttachments([10 * MB, 0], limits)).toEqual([undefined, undefined]);
  });

  it('defaults to 10 MB a file, 25 MB and 20 files a mail', () => {
    expect(DEFAULT_ATTACHMENT_LIMITS).toEqual({ maxFileBytes: 10 * MB, maxTotalBytes: 25 * MB, maxCount: 20 });
    // The intake's defaults are the configuration's: a desk that sets no limits gets the same from both.
    expect(attachmentLimitsSchema.parse({})).toEqual(DEFAULT_ATTACHMENT_LIMITS);
    expect(
      admitAttachments(
        Array.from({ length: 21 }, () => 1),
        DEFAULT_ATTACHMENT_LIMITS,
      ).filter((verdict) => verdict),
    ).toHaveLength(1);
  });

  it('words sizes as mail clients do', () => {
    expect([formatBytes(10 * MB), formatBytes(1536), formatBytes(2.5 * MB), formatBytes(512)]).toEqual(['10 MB', '1.5 KB', '2.5 MB', '512 bytes']);
  });
});

describe('attachment object keys', () => {
  it('are the same for the same mail and position, whatever ticket the mail lands on', () => {
    expect(attachmentObjectKey('<a@example.org>', 0, 'log.txt')).toBe(attachmentObjectKey('<a@example.org>', 0, 'log.txt'));
    expect(attachmentObjectKey('<a@example.org>', 0, 'log.txt')).not.toBe(attachmentObjectKey('<b@example.org>', 0, 'log.txt'));
    expect(attachmentObjectKey('<a@example.org>', 1, 'log.txt')).toMatch(/^attachments\/[0-9a-f]{32}\/1\/log\.txt$/);
  });

  it('keep only safe characters of the file name, so no name can leave its folder', () => {
    const keyOf = (name: string | undefined) => attachmentObjectKey('<a@example.org>', 0, name).split('/').slice(3).join('/');
    expect(keyOf('../../etc/passwd')).toBe('etc_passwd');
    expect(keyOf('Übersicht März.xlsx')).toBe('Ubersicht_Marz.xlsx');
    expect(keyOf('a\r\nb\u0000c.txt')).toBe('a_b_c.txt');
    expect(keyOf('...')).toBe('attachment');
    expect(keyOf(undefined)).toBe('attachment');
  });
});

describe('the S3 attachment store', () => {
  it('puts the bytes under the key, typed as declared and served only as a download', async () => {
    const s3 = await startRecordingServer('/s3');
    try {
      const requests = new S3ObjectRequests({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, endpoint: s3.url });
      const content = Buffer.from('<html><script>alert(1)</script></html>');
      await new S3AttachmentStore(requests, 'service-desk-prod-mail').put('attachments/abc/0/page.html', content, 'text/html');
      const [put] = s3.received;
      expect(put).toMatchObject({ method: 'PUT', url: '/s3/service-desk-prod-mail/attachments/abc/0/page.html' });
      expect(put!.headers).toMatchObject({ 'content-type': 'text/html', 'content-disposition': 'attachment', 'content-length': String(content.length) });
      expect(put!.body.equals(content)).toBe(true);
    } finally {
      await s3.close();
    }
  });
});
