import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { createDocumentClient } from '#shared/adapters/dynamodb/document-client';
import { DynamoDbInvitations } from '#shared/adapters/dynamodb/dynamodb-invitations';
import type { SignUpDecision } from '#shared/auth/sign-up-policy';
import { serviceDeskConfig } from '#shared/config/service-desk-config';
import { ENV, requiredEnv } from '#shared/environment';
import { logger } from '#shared/observability/logger';
import { checkSignUp } from '#shared/use-cases/check-sign-up';

/**
 * Cognito's pre sign-up trigger. A person signing up with an address is let in by the sign-up rule
 * (staff, invited, or an allowed domain); Cognito shows the thrown message on the sign-up page. A
 * federated sign-in is the organisation's own provider vouching for the address, and an admin's
 * creation of a user is the admin's decision: both go ahead.
 */
export function preSignUpHandler(check: () => (email: string) => Promise<SignUpDecision>) {
  return async (event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> => {
    switch (event.triggerSource) {
      case 'PreSignUp_ExternalProvider':
        event.response.autoVerifyEmail = true;
        return event;
      case 'PreSignUp_AdminCreateUser':
        return event;
      case 'PreSignUp_SignUp': {
        const decision = await check()(event.request.userAttributes.email ?? '');
        // The ground or the refusal only: addresses stay out of the logs.
        logger.info('Sign-up checked', decision.allowed ? { allowed: true, ground: decision.ground } : { allowed: false });
        if (!decision.allowed) throw new Error(decision.reason);
        return event;
      }
      default:
        throw new Error(`Unexpected pre sign-up trigger ${String((event as { triggerSource: unknown }).triggerSource)}`);
    }
  };
}

let check: ((email: string) => Promise<SignUpDecision>) | undefined;

export const handler = preSignUpHandler(() => {
  check ??= checkSignUp({
    config: serviceDeskConfig(),
    invitations: new DynamoDbInvitations(createDocumentClient(), requiredEnv(ENV.tableName)),
    now: () => new Date(),
  });
  return check;
});
