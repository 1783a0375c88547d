import type { SignInConfig } from '../config/sign-in-schema.ts';

/** Why a sign-up may go ahead. */
export type SignUpGround = 'domain' | 'invited' | 'staff';

export type SignUpDecision = { allowed: true; ground: SignUpGround } | { allowed: false; reason: string };

/** What is known of the person beyond their address. */
export interface SignUpFacts {
  /** The desk invited the address, and the invitation still holds. */
  invited: boolean;
  /** The address is a staff user of the configuration. */
  staff: boolean;
}

/** The domain of an address, lower-cased; undefined when it has none. */
function domainOf(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return undefined;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
}

const listed = (domains: readonly string[]): string => (domains.length === 1 ? domains[0]! : `${domains.slice(0, -1).join(', ')} or ${domains.at(-1)!}`);

/**
 * Who may create an account in the portal: staff of the configuration, people the desk invited,
 * and anyone with an address on one of `signIn.selfSignUpDomains`. The reason of a refusal is
 * shown to the person on the sign-up page.
 */
export function signUpDecision(email: string, signIn: Pick<SignInConfig, 'selfSignUpDomains'>, facts: SignUpFacts): SignUpDecision {
  const domain = domainOf(email);
  if (!domain) return { allowed: false, reason: `${email} is not an email address; sign up with your email address.` };
  if (facts.staff) return { allowed: true, ground: 'staff' };
  if (facts.invited) return { allowed: true, ground: 'invited' };
  if (signIn.selfSignUpDomains.includes(domain)) return { allowed: true, ground: 'domain' };
  const domains = signIn.selfSignUpDomains;
  return {
    allowed: false,
    reason: domains.length
      ? `Sign-up is open to addresses at ${listed(domains)}. For ${email}, ask the service desk for an invitation.`
      : `Sign-up is by invitation only. Ask the service desk to invite ${email}.`,
  };
}
