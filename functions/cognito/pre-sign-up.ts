import type { PreSignUpTriggerEvent } from 'aws-lambda';

/** Placeholder so the stack synthesises; the sign-up rules (allowed domains, invitations) replace it. */
export const handler = async (event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> => event;
