import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { preSignUpHandler } from '../../../functions/cognito/pre-sign-up.ts';
import type { SignUpDecision } from '../../../shared/auth/sign-up-policy.ts';

function event(triggerSource: PreSignUpTriggerEvent['triggerSource'], email?: string): PreSignUpTriggerEvent {
  return {
    version: '1',
    region: 'eu-central-1',
    userPoolId: 'eu-central-1_test',
    userName: 'user-1',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'web' },
    triggerSource,
    request: { userAttributes: email ? { email } : {} },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  };
}

function handlerDeciding(decision: SignUpDecision) {
  const checked: string[] = [];
  const handler = preSignUpHandler(() => async (email) => {
    checked.push(email);
    return decision;
  });
  return { handler, checked };
}

describe('the pre sign-up trigger', () => {
  it('lets a sign-up the rule allows go ahead unchanged', async () => {
    const { handler, checked } = handlerDeciding({ allowed: true, ground: 'invited' });
    const result = await handler(event('PreSignUp_SignUp', 'guest@elsewhere.test'));
    expect(result.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
    expect(checked).toEqual(['guest@elsewhere.test']);
  });

  it("refuses a sign-up the rule refuses, with the rule's reason as the message Cognito shows", async () => {
    const { handler } = handlerDeciding({ allowed: false, reason: 'Sign-up is by invitation only. Ask the service desk to invite guest@elsewhere.test.' });
    await expect(handler(event('PreSignUp_SignUp', 'guest@elsewhere.test'))).rejects.toThrow('Sign-up is by invitation only. Ask the service desk to invite guest@elsewhere.test.');
  });

  it('checks a sign-up without an email as an empty address', async () => {
    const { handler, checked } = handlerDeciding({ allowed: false, reason: ' is not an email address; sign up with your email address.' });
    await expect(handler(event('PreSignUp_SignUp'))).rejects.toThrow('is not an email address');
    expect(checked).toEqual(['']);
  });

  it('lets a federated sign-in in with its email verified, without asking the rule', async () => {
    const { handler, checked } = handlerDeciding({ allowed: false, reason: 'never asked' });
    const result = await handler(event('PreSignUp_ExternalProvider', 'jane@corp.example'));
    expect(result.response.autoVerifyEmail).toBe(true);
    expect(checked).toEqual([]);
  });

  it('lets an admin-created user in unchanged', async () => {
    const { handler, checked } = handlerDeciding({ allowed: false, reason: 'never asked' });
    const result = await handler(event('PreSignUp_AdminCreateUser', 'new.agent@example.com'));
    expect(result.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
    expect(checked).toEqual([]);
  });
});
