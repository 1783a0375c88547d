import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidRawMailKeyError, LocalRawMailStore } from '../../../local/local-raw-mail-store.ts';
import { RawMailNotFoundError, RawMailTooLargeError } from '../../../shared/ports/raw-mail-store.ts';

let sandbox: string;
let rootDir: string;

beforeEach(async () => {
  // The bucket directory sits inside a sandbox, so a key that escaped it would show up beside it.
  sandbox = await mkdtemp(join(tmpdir(), 'raw-mail-'));
  rootDir = join(sandbox, 'mail');
});
afterEach(() => rm(sandbox, { recursive: true, force: true }));

const location = (key: string) => ({ bucket: 'local-raw-mail', key });

/** CRLF, a bare LF, a lone CR, NUL and bytes that are not UTF-8: all must survive as they are. */
const rawMail = Buffer.concat([Buffer.from('Subject: test\r\n\r\nline\nother\rthird\r\n', 'latin1'), Buffer.from([0x00, 0x82, 0xa0, 0xff, 0x0d, 0x0a])]);

describe('the local raw mail store', () => {
  it('stores a message as .local/mail/<key> and reads back the same bytes', async () => {
    const store = new LocalRawMailStore({ rootDir });
    const path = await store.put('inbound/0f9c2d3e-7a41-4c1e-9b0d-8e1f2a3b4c5d', rawMail);
    expect(path).toBe(join(rootDir, 'inbound', '0f9c2d3e-7a41-4c1e-9b0d-8e1f2a3b4c5d'));
    expect((await readFile(path)).equals(rawMail)).toBe(true);
    expect((await store.get(location('inbound/0f9c2d3e-7a41-4c1e-9b0d-8e1f2a3b4c5d'))).equals(rawMail)).toBe(true);
  });

  it('replaces an object put twice under one key and leaves no temporary file', async () => {
    const store = new LocalRawMailStore({ rootDir });
    await store.put('inbound/a', Buffer.from('first'));
    await store.put('inbound/a', Buffer.from('second'));
    expect((await store.get(location('inbound/a'))).toString()).toBe('second');
    expect(await readdir(join(rootDir, 'inbound'))).toEqual(['a']);
  });

  it('reports a missing key as RawMailNotFoundError', async () => {
    const store = new LocalRawMailStore({ rootDir });
    await expect(store.get(location('inbound/missing'))).rejects.toThrow(new RawMailNotFoundError(location('inbound/missing')));
    await store.put('inbound/a', Buffer.from('x'));
    // A "folder" and a path below a file are not objects either.
    await expect(store.get(location('inbound'))).rejects.toBeInstanceOf(RawMailNotFoundError);
    await expect(store.get(location('inbound/a/b'))).rejects.toBeInstanceOf(RawMailNotFoundError);
  });

  it('refuses to read a message over the limit', async () => {
    const store = new LocalRawMailStore({ rootDir, maxBytes: 4 });
    await store.put('inbound/big', Buffer.from('12345'));
    await expect(store.get(location('inbound/big'))).rejects.toBeInstanceOf(RawMailTooLargeError);
  });

  it.each([
    ['../escape', "a '..' segment"],
    ['inbound/../../escape', "a '..' segment"],
    ['inbound/..', "a '..' segment"],
    ['./inbound/a', "a '.' segment"],
    ['/etc/passwd', 'an absolute path'],
    ['inbound\\..\\escape', 'a backslash'],
    ['inbound//a', 'an empty segment'],
    ['inbound/', 'an empty segment'],
    ['', 'empty'],
    ['inbound/a\u0000b', 'a control character'],
    [`inbound/${'x'.repeat(1_020)}`, 'longer than'],
  ])('refuses the key %j (%s) without touching the file system', async (key, reason) => {
    const store = new LocalRawMailStore({ rootDir });
    await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(InvalidRawMailKeyError);
    await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(reason);
    await expect(store.get(location(key))).rejects.toThrow(InvalidRawMailKeyError);
    expect(await readdir(sandbox)).toEqual([]);
  });

  it('does not read a file outside the directory through a key', async () => {
    await writeFile(join(sandbox, 'secret'), 'not mail');
    const store = new LocalRawMailStore({ rootDir });
    await expect(store.get(location('../secret'))).rejects.toBeInstanceOf(InvalidRawMailKeyError);
  });

  it('keeps spaces, plus signs and non-ASCII characters of a key in the file name', async () => {
    const store = new LocalRawMailStore({ rootDir });
    const path = await store.put('inbound/Re: jam + toner café', Buffer.from('x'));
    expect(path).toBe(join(rootDir, 'inbound', 'Re: jam + toner café'));
  });
});
