import { describe, expect, it } from 'vitest';
import { cutText, KEPT_MAIL_LIMITS, keptHtml, keptMailText, keptName } from '../../../shared/email/kept-mail-text.ts';

describe('cutText', () => {
  it('leaves text within the limit as it is', () => {
    expect(cutText('Printer jams', 250)).toBe('Printer jams');
    expect(cutText('a'.repeat(250), 250)).toBe('a'.repeat(250));
  });

  it('cuts at the limit', () => {
    expect(cutText('abcdef', 4)).toBe('abcd');
  });

  it('never keeps half of a surrogate pair', () => {
    // U+1F600 is two UTF-16 code units; the limit falls between them.
    const cut = cutText(`${'a'.repeat(249)}\u{1F600} and more`, 250);
    expect(cut).toBe('a'.repeat(249));
    expect(cutText(`${'a'.repeat(248)}\u{1F600} and more`, 250)).toBe(`${'a'.repeat(248)}\u{1F600}`);
  });
});

describe('keptMailText', () => {
  it('keeps text within the limit whole', () => {
    const text = 'x'.repeat(KEPT_MAIL_LIMITS.text);
    expect(keptMailText(text)).toBe(text);
  });

  it('keeps the start of a longer text and says that it was cut and where the rest is', () => {
    const kept = keptMailText(`${'line\n'.repeat(KEPT_MAIL_LIMITS.text / 5)}the end`);
    expect(kept.startsWith('line\n'.repeat(KEPT_MAIL_LIMITS.text / 5))).toBe(true);
    expect(kept).not.toContain('the end');
    expect(kept).toMatch(/\[Cut at 50000 characters: the whole mail is kept as raw mail\.\]$/);
  });
});

describe('keptName', () => {
  it('keeps a name within the limit and cuts a longer one', () => {
    expect(keptName('Jane Doe')).toBe('Jane Doe');
    expect(keptName('N'.repeat(500 * 1024))).toBe('N'.repeat(KEPT_MAIL_LIMITS.name));
  });
});

describe('keptHtml', () => {
  it('keeps HTML within the limit and none of a longer one', () => {
    const within = `<p>${'x'.repeat(KEPT_MAIL_LIMITS.html - 7)}</p>`;
    expect(keptHtml(within)).toBe(within);
    expect(keptHtml(`${within}<p></p>`)).toBeUndefined();
    expect(keptHtml(undefined)).toBeUndefined();
  });
});
