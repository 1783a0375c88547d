import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { MAX_RAW_MAIL_BYTES, RawMailNotFoundError, RawMailTooLargeError, type RawMailLocation, type RawMailStore } from '#shared/ports/raw-mail-store';
import { LOCAL_PATHS } from './local-paths.ts';

/** S3's own limit on an object key, in UTF-8 bytes. */
const MAX_KEY_BYTES = 1024;

/** A key the local store will not turn into a file path: it could leave the directory, or is no S3 key. */
export class InvalidRawMailKeyError extends Error {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`Invalid raw mail key ${JSON.stringify(key)}: ${reason}`);
    this.name = 'InvalidRawMailKeyError';
  }
}

export interface LocalRawMailStoreOptions {
  /** The directory that stands for the bucket; `.local/mail` by default. */
  rootDir?: string;
  /** Messages larger than this are refused on read, as the S3 adapter does; MAX_RAW_MAIL_BYTES by default. */
  maxBytes?: number;
}

/**
 * The raw mail bucket of `npm start`: the object with key `inbound/<id>` is the file
 * `.local/mail/inbound/<id>`, holding the message bytes exactly as received. There is one local
 * bucket, so a location's bucket name is not part of the path. Keys are checked before they touch
 * the file system: no '..', '.' or empty segments, no absolute or backslash paths, so no key can
 * name a file outside the directory.
 */
export class LocalRawMailStore implements RawMailStore {
  readonly rootDir: string;
  private readonly maxBytes: number;

  constructor(options: LocalRawMailStoreOptions = {}) {
    this.rootDir = resolve(options.rootDir ?? LOCAL_PATHS.mail);
    this.maxBytes = options.maxBytes ?? MAX_RAW_MAIL_BYTES;
  }

  /**
   * Stores a message under `key`, replacing what was there (as an S3 PutObject does). The bytes are
   * written to a temporary file and renamed into place, so a reader never sees half a message and a
   * crash leaves no partial object under the key.
   */
  async put(key: string, bytes: Uint8Array): Promise<string> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.partial-${randomUUID()}`;
    try {
      await writeFile(partial, bytes);
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return path;
  }

  async get(location: RawMailLocation): Promise<Buffer> {
    const path = this.pathOf(location.key);
    let size: number;
    try {
      const stats = await stat(path);
      if (!stats.isFile()) throw new RawMailNotFoundError(location);
      size = stats.size;
    } catch (error) {
      if (isNotFound(error)) throw new RawMailNotFoundError(location, { cause: error });
      throw error;
    }
    if (size > this.maxBytes) throw new RawMailTooLargeError(location, size, this.maxBytes);
    return readFile(path);
  }

  /** The file that holds `key`; throws InvalidRawMailKeyError for a key that could escape the directory. */
  pathOf(key: string): string {
    assertSafeKey(key);
    const path = resolve(this.rootDir, ...key.split('/'));
    // The checks above already rule it out; this one holds even if they are ever loosened.
    const inside = relative(this.rootDir, path);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw new InvalidRawMailKeyError(key, 'it resolves outside the mail directory');
    return join(this.rootDir, ...inside.split(sep));
  }
}

function assertSafeKey(key: string): void {
  if (key.length === 0) throw new InvalidRawMailKeyError(key, 'it is empty');
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) throw new InvalidRawMailKeyError(key, `it is longer than S3's ${MAX_KEY_BYTES} bytes`);
  if (key.startsWith('/') || isAbsolute(key)) throw new InvalidRawMailKeyError(key, 'it is an absolute path');
  if (key.includes('\\')) throw new InvalidRawMailKeyError(key, 'it contains a backslash');
  // Control characters (NUL above all) have no place in a file name.
  // eslint-disable-next-line no-control-regex -- it looks for them
  if (/[\u0000-\u001f\u007f]/.test(key)) throw new InvalidRawMailKeyError(key, 'it contains a control character');
  for (const segment of key.split('/')) {
    if (segment === '') throw new InvalidRawMailKeyError(key, "it has an empty segment ('//' or a trailing '/')");
    if (segment === '.' || segment === '..') throw new InvalidRawMailKeyError(key, `it has a '${segment}' segment`);
  }
}

function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // ENOTDIR: a path segment is a file, so nothing can exist below it.
  return code === 'ENOENT' || code === 'ENOTDIR';
}
