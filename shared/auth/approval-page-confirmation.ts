import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ForbiddenError } from '../errors.ts';
import { deriveKey } from './derive-key.ts';

/**
 * How long the approval page is open at least before its decision counts. A person reads the
 * request first; a mail scanner that runs the page's script and clicks does so at once.
 */
export const MIN_DWELL_MS = 2000;

/**
 * What the approval page carries so that its script, and only its script, can confirm a
 * decision: the proof for this token and moment, split into a random mask and the masked proof
 * (hex). Neither half is the proof, so a client that posts the form's fields without running the
 * script has nothing to send.
 */
export interface PageChallenge {
  servedAt: number;
  mask: string;
  masked: string;
}

const PROOF_BYTES = 32;

function proofOf(secret: Uint8Array, token: string, servedAt: number): Buffer {
  return createHmac('sha256', deriveKey(secret, 'approval-page-confirmation')).update(`${servedAt}\n${token}`).digest();
}

/** The challenge the page for `token`, shown at `servedAt`, carries for its script. */
export function pageChallenge(secret: Uint8Array, token: string, servedAt: Date): PageChallenge {
  const at = servedAt.getTime();
  const proof = proofOf(secret, token, at);
  const mask = randomBytes(PROOF_BYTES);
  const masked = Buffer.alloc(PROOF_BYTES);
  for (let index = 0; index < PROOF_BYTES; index++) masked[index] = proof[index]! ^ mask[index]!;
  return { servedAt: at, mask: mask.toString('hex'), masked: masked.toString('hex') };
}

const refused = (message: string) => new ForbiddenError('The decision was not confirmed on the approval page', [{ path: 'confirmation', message }]);

/**
 * Checks the value the page's script adds on a click (`<servedAt>.<proof hex>`): it must be the
 * proof of a page served for this very token, at least MIN_DWELL_MS before `now`. 403 otherwise.
 */
export function verifyPageConfirmation(secret: Uint8Array, token: string, confirmation: string, now: Date): void {
  const match = /^(\d{1,15})\.([0-9a-f]{64})$/.exec(confirmation);
  if (!match) throw refused('not a confirmation of the approval page; open the link and decide there');
  const servedAt = Number(match[1]);
  const given = Buffer.from(match[2]!, 'hex');
  if (!timingSafeEqual(given, proofOf(secret, token, servedAt))) {
    throw refused('not a confirmation of the approval page for this link; open the link and decide there');
  }
  const dwell = now.getTime() - servedAt;
  if (dwell < MIN_DWELL_MS) {
    throw refused(`the decision came ${Math.max(dwell, 0)} ms after the page was shown, sooner than a person reads it; read the request, then decide again`);
  }
}
