import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { declaredTextCharset, rawHeaderCharset, withUtf8Headers } from '../../../shared/email/raw-header-charset.ts';

describe('raw header charsets', () => {
  it('re-encodes only the header fields with raw non-UTF-8 bytes, and leaves the body byte for byte', () => {
    const body = iconv.encode('Тело письма\r\n', 'windows-1251');
    const raw = Buffer.concat([
      Buffer.from('From: a@example.org\r\nSubject: '),
      iconv.encode('Счёт', 'windows-1251'),
      Buffer.from('\r\nX-Utf8: Grüße\r\nContent-Type: text/plain; charset=windows-1251\r\n\r\n', 'utf8'),
      body,
    ]);
    const prepared = withUtf8Headers(raw);
    expect(prepared.charset).toBe('windows-1251');
    expect(prepared.raw.toString('utf8')).toContain('Subject: Счёт\r\nX-Utf8: Grüße\r\n');
    expect(prepared.raw.subarray(prepared.raw.length - body.length).equals(body)).toBe(true);
  });

  it('leaves a mail whose headers are ASCII or UTF-8 untouched', () => {
    const raw = Buffer.from('From: Jürgen <j@example.org>\r\nSubject: Grüße\r\n\r\nbody', 'utf8');
    expect(withUtf8Headers(raw)).toEqual({ raw });
  });

  it('takes the charset from the first text part when the top level is multipart, and ignores us-ascii and utf-8', () => {
    const multipart = Buffer.from('Content-Type: multipart/mixed;\r\n boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain;\r\n charset="GB2312"\r\n\r\nx\r\n--b--\r\n');
    expect(declaredTextCharset(multipart)).toBe('gb2312');
    expect(declaredTextCharset(Buffer.from('Content-Type: text/plain; charset=us-ascii\r\n\r\nx'))).toBeUndefined();
    expect(declaredTextCharset(Buffer.from('Content-Type: text/plain; charset=x-unknown-7\r\n\r\nx'))).toBeUndefined();
  });

  it('detects a charset that decodes the bytes without replacement characters when none is declared', () => {
    expect(rawHeaderCharset(iconv.encode('プリンターが印刷できません', 'shift_jis'), undefined)).toBe('shift_jis');
    expect(rawHeaderCharset(iconv.encode('Не работает принтер', 'windows-1251'), undefined)).toBe('windows-1251');
    expect(rawHeaderCharset(iconv.encode('Drucker im Büro', 'latin1'), undefined)).toBe('iso-8859-1');
  });
});
