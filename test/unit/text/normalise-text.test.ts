import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiLineText, oneLineText } from '../../../shared/text/normalise-text.ts';

/** What must never survive either function. */
// eslint-disable-next-line no-control-regex -- it finds the control characters that must be gone
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\u2028\u2029]/;

describe('one-line text', () => {
  it('drops the right-to-left override that makes \\u202etxt.exe show as exe.txt', () => {
    expect(oneLineText('invoice\u202etxt.exe')).toBe('invoicetxt.exe');
  });

  it('drops bidi embeddings and isolates but keeps the marks right-to-left text needs', () => {
    expect(oneLineText('a\u202ab\u202bc\u202cd\u202de\u2066f\u2067g\u2068h\u2069i')).toBe('abcdefghi');
    expect(oneLineText('\u05e9\u05dc\u05d5\u05dd\u200f 1.')).toBe('\u05e9\u05dc\u05d5\u05dd\u200f 1.');
  });

  it('turns CR, LF, U+2028, U+2029, NEL and tabs into one space', () => {
    expect(oneLineText('Help\r\nBcc: x@example.org')).toBe('Help Bcc: x@example.org');
    expect(oneLineText('a\u2028b\u2029c\u0085d\te \r\n\r\n f')).toBe('a b c d e f');
  });

  it('drops C0 and C1 controls, NUL and DEL', () => {
    expect(oneLineText('Pri\u0000nt\u0007er\u001b[31m\u007f\u0090\u009b jam')).toBe('Printer[31m jam');
  });

  it('drops zero-width spaces, word joiners and byte order marks', () => {
    expect(oneLineText('\ufeffpay\u200bpal\u2060.com')).toBe('paypal.com');
  });

  it('keeps the zero-width joiner inside emoji sequences and drops it inside a Latin word', () => {
    const technologist = '\u{1f469}\u200d\u{1f4bb}';
    const rainbowFlag = '\u{1f3f3}\ufe0f\u200d\u{1f308}';
    const family = '\u{1f468}\u{1f3fd}\u200d\u{1f467}';
    expect(oneLineText(`Laptop ${technologist} ${rainbowFlag} ${family}`)).toBe(`Laptop ${technologist} ${rainbowFlag} ${family}`);
    expect(oneLineText('pay\u200dpal and pay\u200cpal')).toBe('paypal and paypal');
  });

  it('keeps the zero-width non-joiner of Persian words', () => {
    const persian = '\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645';
    expect(oneLineText(persian)).toBe(persian);
  });

  it('composes to NFC, also where a dropped control stood between a letter and its accent', () => {
    expect(oneLineText('Cafe\u0301')).toBe('Caf\u00e9');
    expect(oneLineText('Cafe\u0000\u0301')).toBe('Caf\u00e9');
  });

  it('never leaves a control, bidi or invisible character, nor a line break', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const line = oneLineText(value);
        expect(line).not.toMatch(UNSAFE);
        expect(line).not.toMatch(/[\r\n\t]/);
        expect(oneLineText(line)).toBe(line);
      }),
    );
  });
});

describe('multi-line text', () => {
  it('keeps line breaks as \\n and tabs, turning CRLF, CR, NEL, U+2028 and U+2029 into \\n', () => {
    expect(multiLineText('one\r\ntwo\rthree\u2028four\u2029five\u0085six\n\tseven')).toBe('one\ntwo\nthree\nfour\nfive\nsix\n\tseven');
  });

  it('drops controls, bidi controls and zero-width spaces between the lines', () => {
    expect(multiLineText('Run\u202e exe.txt\u0000\n\u200bnext\u001b line')).toBe('Run exe.txt\nnext line');
  });

  it('never leaves a control, bidi or invisible character, and only \\n as a line break', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const text = multiLineText(value);
        expect(text).not.toMatch(UNSAFE);
        expect(text).not.toMatch(/\r/);
        expect(multiLineText(text)).toBe(text);
      }),
    );
  });
});
