import { describe, expect, it } from 'vitest';
import rawConfig from '../../../servicedesk.config.ts';
import type { Principal } from '../../../shared/auth/principal.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';
import { DEFAULT_UPLOAD_LIMITS } from '../../../shared/config/email-schema.ts';
import { ForbiddenError, ValidationError } from '../../../shared/errors.ts';
import { uploadObjectKey, uploadOwner, type StoredUpload, type UploadForm, type UploadFormRequest, type UploadStore } from '../../../shared/ports/upload-store.ts';
import { attachUploads } from '../../../shared/use-cases/attach-uploads.ts';
import { createUpload } from '../../../shared/use-cases/create-upload.ts';

const config = parseConfig({ ...rawConfig, uploads: { maxFileBytes: 100, maxCount: 2 } });
const rita: Principal = { kind: 'user', sub: 'sub-rita', email: 'rita@example.org', roles: [] };
const client: Principal = { kind: 'client', clientId: 'integration', scopes: ['servicedesk/tickets.write'] };
const ID = (n: number) => `01J00000000000000000000${String(n).padStart(3, '0')}`;

class MemoryUploads implements UploadStore {
  readonly objects = new Map<string, StoredUpload>();
  readonly copies: [string, string][] = [];
  readonly removed: string[] = [];
  forms: UploadFormRequest[] = [];
  async uploadForm(request: UploadFormRequest): Promise<UploadForm> {
    this.forms.push(request);
    return { url: 'https://uploads.example/', fields: { key: request.key } };
  }
  async find(key: string) {
    return this.objects.get(key);
  }
  async copyToAttachments(key: string, _upload: StoredUpload, location: string) {
    this.copies.push([key, location]);
  }
  async remove(key: string) {
    this.removed.push(key);
    this.objects.delete(key);
  }
}

function withUpload(store: MemoryUploads, principal: { sub: string }, id: string, upload: Partial<StoredUpload> = {}) {
  store.objects.set(uploadObjectKey(uploadOwner(principal.sub), id), { size: 10, contentType: 'text/plain', fileName: 'log.txt', etag: '"e"', ...upload });
}

const detailsOf = async (work: Promise<unknown>) => {
  const error = await work.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).details;
};

describe('upload limits', () => {
  it('default to 10 MB a file and 10 files a ticket or reply', () => {
    expect(DEFAULT_UPLOAD_LIMITS).toEqual({ maxFileBytes: 10 * 1024 * 1024, maxCount: 10 });
    expect(parseConfig(rawConfig).uploads).toEqual(DEFAULT_UPLOAD_LIMITS);
  });

  it('are checked when the configuration loads, naming the field', () => {
    expect(() => parseConfig({ ...rawConfig, uploads: { maxCount: 0 } })).toThrow(/uploads\.maxCount/);
    expect(() => parseConfig({ ...rawConfig, uploads: { maxFileBytes: 41 * 1024 * 1024 } })).toThrow(/uploads\.maxFileBytes/);
  });
});

describe('createUpload', () => {
  const deps = (uploads: MemoryUploads) => ({ config, uploads, now: () => new Date('2030-01-01T10:00:00.400Z'), newId: () => ID(1) });

  it("signs a form for the caller's own key with the configured cap, expiring in 15 minutes", async () => {
    const uploads = new MemoryUploads();
    const result = await createUpload(deps(uploads), rita, { fileName: 'log.txt', contentType: 'text/plain', size: 100 });
    expect(uploads.forms).toEqual([{ key: `uploads/${uploadOwner('sub-rita')}/${ID(1)}`, contentType: 'text/plain', fileName: 'log.txt', maxBytes: 100, expiresInSeconds: 900 }]);
    expect(result).toMatchObject({ uploadId: ID(1), maxBytes: 100, expiresAt: '2030-01-01T10:15:00.000Z' });
  });

  it('refuses a declared size over the limit, naming size', async () => {
    expect(await detailsOf(createUpload(deps(new MemoryUploads()), rita, { fileName: 'a', contentType: 'text/plain', size: 101 }))).toEqual([{ path: 'size', message: 'must be at most 100 bytes (100 bytes)' }]);
  });

  it('refuses machine clients', async () => {
    await expect(createUpload(deps(new MemoryUploads()), client, { fileName: 'a', contentType: 'text/plain', size: 1 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('attachUploads', () => {
  it('copies each upload to a key fixed by its owner and id, and deletes the uploads only on release', async () => {
    const uploads = new MemoryUploads();
    withUpload(uploads, rita, ID(1), { fileName: 'printer log.txt' });
    const first = await attachUploads({ config, uploads }, rita, [ID(1)]);
    const again = await attachUploads({ config, uploads }, rita, [ID(1)]);
    expect(first.files).toEqual([{ name: 'printer log.txt', contentType: 'text/plain', size: 10, location: expect.stringMatching(/^attachments\/[0-9a-f]{32}\/0\/printer_log\.txt$/) }]);
    expect(again.files).toEqual(first.files);
    expect(uploads.removed).toEqual([]);
    await first.release();
    expect(uploads.removed).toEqual([uploadObjectKey(uploadOwner('sub-rita'), ID(1))]);
  });

  it('refuses more files than the limit, naming attachments', async () => {
    expect(await detailsOf(attachUploads({ config, uploads: new MemoryUploads() }, rita, [ID(1), ID(2), ID(3)]))).toEqual([{ path: 'attachments', message: 'lists 3 uploads; at most 2 are allowed' }]);
  });

  it('refuses an upload listed twice, a missing one and one over the size limit, naming each', async () => {
    const uploads = new MemoryUploads();
    expect(await detailsOf(attachUploads({ config, uploads }, rita, [ID(1), ID(1)]))).toEqual([{ path: 'attachments[1]', message: 'names an upload already listed' }]);
    withUpload(uploads, rita, ID(2), { size: 101 });
    const details = await detailsOf(attachUploads({ config, uploads }, rita, [ID(1), ID(2)]));
    expect(details.map((detail) => detail.path)).toEqual(['attachments[0]', 'attachments[1]']);
    expect(details[1]!.message).toContain('over the 100 bytes limit');
    expect(uploads.copies).toEqual([]);
  });

  it("finds nothing of another person's: uploads are looked up under the caller's prefix", async () => {
    const uploads = new MemoryUploads();
    withUpload(uploads, { sub: 'sub-mallory' }, ID(1));
    expect((await detailsOf(attachUploads({ config, uploads }, rita, [ID(1)])))[0]!.path).toBe('attachments[0]');
  });

  it('takes nothing where files cannot be attached, and no files from machine clients', async () => {
    expect(await detailsOf(attachUploads({ config }, rita, [ID(1)]))).toEqual([{ path: 'attachments', message: expect.stringContaining('POST /uploads') }]);
    await expect(attachUploads({ config, uploads: new MemoryUploads() }, client, [ID(1)])).rejects.toBeInstanceOf(ForbiddenError);
    expect((await attachUploads({ config }, rita, undefined)).files).toEqual([]);
  });
});
