import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecretsManagerSigningKey } from '../adapters/secrets-manager/secrets-manager-signing-key.ts';
import { ENV, requiredEnv } from '../environment.ts';
import type { SigningKeySource } from '../ports/signing-key-source.ts';

let source: SigningKeySource | undefined;

/** The approval link key: given directly by the local runtime, or read from Secrets Manager on AWS. */
export function signingKeyFromEnv(): SigningKeySource {
  if (source) return source;
  const localKey = process.env[ENV.approvalLinkSecret];
  source = localKey
    ? { approvalLinkKey: async () => new TextEncoder().encode(localKey) }
    : new SecretsManagerSigningKey(new SecretsManagerClient({}), requiredEnv(ENV.approvalLinkSecretArn));
  return source;
}
