import { deriveKey } from '../auth/derive-key.ts';
import { ssmSigningKeyFromEnv } from '../adapters/ssm/ssm-signing-key.ts';
import { ENV } from '../environment.ts';
import type { SigningKeySource } from '../ports/signing-key-source.ts';

let source: SigningKeySource | undefined;

/** The approval link key: given directly by the local runtime, or read from Parameter Store on AWS. */
export function signingKeyFromEnv(): SigningKeySource {
  if (source) return source;
  const localKey = process.env[ENV.approvalLinkSecret];
  source = localKey ? { approvalLinkKey: async () => new TextEncoder().encode(localKey) } : ssmSigningKeyFromEnv();
  return source;
}

/** The key that signs reply addresses, derived from the desk's signing secret. */
export async function replyAddressSecretFromEnv(): Promise<Uint8Array> {
  return deriveKey(await signingKeyFromEnv().approvalLinkKey(), 'reply-address');
}
