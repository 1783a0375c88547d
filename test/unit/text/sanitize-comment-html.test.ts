import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeCommentHtml } from '../../../shared/text/sanitize-comment-html.ts';
import { activeContentIn, XSS_PAYLOADS } from '../../support/xss-payloads.ts';

// Harmless as written: the quotes are character references inside a quoted title.
const INERT_AS_WRITTEN = new Set(['<a href="https://ok.example/" title="&quot; onmouseover=alert(1) x=&quot;">quoted</a>']);

describe('sanitising comment HTML', () => {
  it.each(XSS_PAYLOADS)('leaves nothing active of %s', (payload) => {
    expect(activeContentIn(sanitizeCommentHtml(payload))).toEqual([]);
  });

  it('is checked by a check that finds the active part of every payload', () => {
    const missed = XSS_PAYLOADS.filter((payload) => !INERT_AS_WRITTEN.has(payload) && activeContentIn(payload).length === 0);
    expect(missed).toEqual([]);
  });

  it('keeps formatting, web and mail links, and the quotes of a title', () => {
    const html =
      '<p><b>Bold</b> <a href="https://ok.example/docs">docs</a> <a href="mailto:it@example.org">mail</a> <a href="/tickets/SD-1">SD-1</a></p>' +
      '<a href="https://ok.example/" title="&quot; onmouseover=alert(1)">quoted</a>';
    expect(sanitizeCommentHtml(html)).toBe(
      '<p><b>Bold</b> <a href="https://ok.example/docs" rel="noopener noreferrer nofollow">docs</a> ' +
        '<a href="mailto:it@example.org" rel="noopener noreferrer nofollow">mail</a> <a href="/tickets/SD-1" rel="noopener noreferrer nofollow">SD-1</a></p>' +
        '<a href="https://ok.example/" title="&quot; onmouseover=alert(1)" rel="noopener noreferrer nofollow">quoted</a>',
    );
  });

  it('leaves nothing active of payloads cut, spliced and mixed with any text', () => {
    const pieces = fc.oneof(
      fc.constantFrom(...XSS_PAYLOADS),
      fc.constantFrom(...XSS_PAYLOADS).chain((payload) => fc.nat({ max: payload.length }).map((cut) => payload.slice(0, cut))),
      fc.constantFrom('<', '>', '"', "'", '=', '/', '<a href=', '<img', ' src=', ' onerror=', 'javascript:', '&#', '&#x6A', '<!--', '-->', '<![CDATA[', ']]>', '\u0000', '\t', '\n'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const html = parts.join('');
        expect(activeContentIn(sanitizeCommentHtml(html)), html).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
