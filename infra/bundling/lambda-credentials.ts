/**
 * Replaces `@aws-sdk/credential-provider-node` in the Lambda bundles (an esbuild alias set by
 * ServiceDeskFunction). Lambda gives a function its role's credentials in environment variables,
 * the first source the SDK's default chain tries; the rest of that chain (SSO, profile files,
 * credential processes, web identity, instance metadata) brings the STS and SSO clients with it,
 * about 90 KB of every bundle, and never runs there. Container credentials stay as the fallback.
 * Local runs and tests are not bundled and keep the SDK's full chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { fromHttp } from '@aws-sdk/credential-provider-http';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

export const defaultProvider = (init: Parameters<typeof fromEnv>[0] & Parameters<typeof fromHttp>[0] = {}): AwsCredentialIdentityProvider => {
  // Made when asked, not before: fromHttp refuses at creation when no container endpoint is set.
  const sources = [() => fromEnv(init)(), () => fromHttp(init)()];
  return async (): Promise<AwsCredentialIdentity> => {
    let failure: unknown;
    for (const source of sources) {
      try {
        return await source();
      } catch (error) {
        failure = error;
      }
    }
    throw failure;
  };
};
