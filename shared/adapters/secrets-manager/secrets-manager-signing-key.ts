import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SigningKeySource } from '../../ports/signing-key-source.ts';

/** The approval link key, read from a Secrets Manager secret once per cold start. */
export class SecretsManagerSigningKey implements SigningKeySource {
  private key: Promise<Uint8Array> | undefined;

  constructor(
    private readonly client: SecretsManagerClient,
    private readonly secretId: string,
  ) {}

  approvalLinkKey(): Promise<Uint8Array> {
    this.key ??= this.client.send(new GetSecretValueCommand({ SecretId: this.secretId })).then((result) => {
      if (!result.SecretString) throw new Error(`Secret ${this.secretId} has no string value`);
      return new TextEncoder().encode(result.SecretString);
    });
    // A failed read is not cached: the next request tries again.
    this.key.catch(() => (this.key = undefined));
    return this.key;
  }
}
