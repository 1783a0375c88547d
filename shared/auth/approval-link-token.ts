import { errors, jwtVerify, SignJWT } from 'jose';
import { ForbiddenError } from '../errors.ts';

/** How long the link in an approval email stays valid. */
export const APPROVAL_LINK_DAYS = 14;

const ISSUER = 'servicedesk';
const AUDIENCE = 'servicedesk-approval';

/** Who may decide which step of which ticket: what an approval link carries, signed. */
export interface ApprovalLinkClaims {
  ticketKey: string;
  /** Index of the approval step the link decides; a link for an already decided step is spent. */
  step: number;
  approver: string;
}

/** Signs an approval link token (HS256 JWT) for one approver of one step. */
export async function signApprovalLink(key: Uint8Array, claims: ApprovalLinkClaims, now: Date): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ tkt: claims.ticketKey, stp: claims.step })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(claims.approver)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + APPROVAL_LINK_DAYS * 24 * 60 * 60)
    .sign(key);
}

/** Checks an approval link token; a forged, altered or expired one is refused with 403. */
export async function verifyApprovalLink(key: Uint8Array, token: string, now: Date): Promise<ApprovalLinkClaims> {
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: now,
    });
    if (typeof payload.sub !== 'string' || typeof payload.tkt !== 'string' || typeof payload.stp !== 'number') {
      throw new ForbiddenError('The approval link is incomplete', [{ path: 'token', message: 'not an approval link of this desk' }]);
    }
    return { ticketKey: payload.tkt, step: payload.stp, approver: payload.sub };
  } catch (error) {
    if (error instanceof ForbiddenError) throw error;
    const message = error instanceof errors.JWTExpired ? 'the link has expired; ask for a new one' : 'not an approval link of this desk';
    throw new ForbiddenError('The approval link is not valid', [{ path: 'token', message }]);
  }
}
