import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { LocalRawMailStore } from './local-raw-mail-store.ts';

/** What S3 keeps beside an object's bytes, and HeadObject answers with. */
export interface LocalObjectHead {
  size: number;
  contentType: string;
  /** The MD5 of the bytes, quoted, as S3 gives a single-part upload's ETag. */
  etag: string;
  contentDisposition?: string;
  metadata: Record<string, string>;
  lastModified: string;
}

/**
 * One bucket of the local S3 stand-in: the bytes in a directory (the same files the rest of the
 * local runtime reads, e.g. `.local/mail/attachments/...`) and each object's head as JSON in a
 * sibling directory, so the bytes' directory holds nothing but objects.
 */
export class LocalS3Bucket {
  private readonly heads: LocalRawMailStore;

  constructor(
    readonly name: string,
    readonly objects: LocalRawMailStore,
  ) {
    this.heads = new LocalRawMailStore({ rootDir: `${objects.rootDir}.heads` });
  }

  async put(key: string, bytes: Uint8Array, head: Omit<LocalObjectHead, 'size' | 'etag' | 'lastModified'>): Promise<LocalObjectHead> {
    const stored: LocalObjectHead = { ...head, size: bytes.byteLength, etag: `"${createHash('md5').update(bytes).digest('hex')}"`, lastModified: new Date().toUTCString() };
    await this.objects.put(key, bytes);
    await this.heads.put(key, Buffer.from(JSON.stringify(stored)));
    return stored;
  }

  async head(key: string): Promise<LocalObjectHead | undefined> {
    try {
      return JSON.parse(await readFile(this.heads.pathOf(key), 'utf8')) as LocalObjectHead;
    } catch {
      return undefined;
    }
  }

  async bytes(key: string): Promise<Buffer> {
    return readFile(this.objects.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.objects.pathOf(key), { force: true });
    await rm(this.heads.pathOf(key), { force: true });
  }
}
