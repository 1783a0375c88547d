import { describe, expect, it } from 'vitest';
import { MIN_DWELL_MS, pageChallenge, verifyPageConfirmation } from '../../../shared/auth/approval-page-confirmation.ts';
import { ForbiddenError } from '../../../shared/errors.ts';

const secret = new TextEncoder().encode('a-desk-secret-of-enough-length-0123');
const token = 'header.payload.signature-of-the-link';
const servedAt = new Date('2026-03-02T09:00:00Z');

/** What the page's script computes: the XOR of the two halves, after the time the page was served. */
function confirmationOf(challenge: ReturnType<typeof pageChallenge>): string {
  const mask = Buffer.from(challenge.mask, 'hex');
  const masked = Buffer.from(challenge.masked, 'hex');
  return `${challenge.servedAt}.${Buffer.from(mask.map((byte, index) => byte ^ masked[index]!)).toString('hex')}`;
}

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ForbiddenError);
    return (error as ForbiddenError).details[0]!;
  }
  throw new Error('not refused');
};

describe('the confirmation of the approval page', () => {
  it('accepts the script’s value for the same link once a person has had the page open a moment', () => {
    const confirmation = confirmationOf(pageChallenge(secret, token, servedAt));
    expect(() => verifyPageConfirmation(secret, token, confirmation, new Date(servedAt.getTime() + MIN_DWELL_MS))).not.toThrow();
  });

  it('shows neither half of the page as the proof itself, and a fresh mask each time', () => {
    const first = pageChallenge(secret, token, servedAt);
    const second = pageChallenge(secret, token, servedAt);
    const proof = confirmationOf(first).split('.')[1];
    expect([first.mask, first.masked]).not.toContain(proof);
    expect(first.mask).not.toBe(second.mask);
    expect(confirmationOf(second)).toBe(confirmationOf(first));
  });

  it('refuses a decision sooner than a person reads the page, naming the confirmation', () => {
    const confirmation = confirmationOf(pageChallenge(secret, token, servedAt));
    const detail = refusal(() => verifyPageConfirmation(secret, token, confirmation, new Date(servedAt.getTime() + MIN_DWELL_MS - 1)));
    expect(detail).toEqual({ path: 'confirmation', message: expect.stringContaining('sooner than a person reads it') });
  });

  it('refuses the confirmation of another link, a changed time, or a made-up value', () => {
    const later = new Date(servedAt.getTime() + 60_000);
    const confirmation = confirmationOf(pageChallenge(secret, token, servedAt));
    const [at, proof] = confirmation.split('.');
    expect(refusal(() => verifyPageConfirmation(secret, `${token}x`, confirmation, later)).message).toContain('for this link');
    expect(refusal(() => verifyPageConfirmation(secret, token, `${Number(at) - 5000}.${proof}`, later)).message).toContain('for this link');
    expect(refusal(() => verifyPageConfirmation(new TextEncoder().encode('another-desk'), token, confirmation, later)).message).toContain('for this link');
    expect(refusal(() => verifyPageConfirmation(secret, token, 'yes', later)).message).toContain('not a confirmation');
  });
});
