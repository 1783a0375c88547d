import { randomBytes } from 'node:crypto';
import { ENV, requiredEnv } from '../../environment.ts';
import type { SigningKeySource } from '../../ports/signing-key-source.ts';
import { ParameterStoreRequests } from './parameter-store-requests.ts';

/**
 * The approval link key, a SecureString parameter read once per cold start. The first function
 * that finds no parameter creates it with a random value; `Overwrite: false` (and the role's deny
 * on overwriting) keeps a second creator from replacing it, so every function ends with the one
 * stored value. A standard parameter costs nothing, where a secret costs USD 0.40 a month.
 */
export class SsmSigningKey implements SigningKeySource {
  private key: Promise<Uint8Array> | undefined;

  constructor(
    private readonly parameterStore: Pick<ParameterStoreRequests, 'send'>,
    private readonly parameterName: string,
  ) {}

  approvalLinkKey(): Promise<Uint8Array> {
    this.key ??= this.readOrCreate().then((value) => new TextEncoder().encode(value));
    // A failed read is not cached: the next request tries again.
    this.key.catch(() => (this.key = undefined));
    return this.key;
  }

  private async readOrCreate(): Promise<string> {
    const stored = await this.read();
    if (stored) return stored;
    try {
      await this.parameterStore.send('PutParameter', {
        Name: this.parameterName,
        Value: randomBytes(48).toString('base64url'),
        Type: 'SecureString',
        Tier: 'Standard',
        Overwrite: false,
        Description: 'Signs approval links and reply addresses of the service desk; replacing it voids the links already mailed',
      });
    } catch (error) {
      if ((error as Error).name !== 'ParameterAlreadyExists') throw error;
    }
    // Whoever created it, the stored value is the key.
    const created = await this.read();
    if (!created) throw new Error(`Parameter ${this.parameterName} was created but cannot be read`);
    return created;
  }

  private async read(): Promise<string | undefined> {
    try {
      const result = await this.parameterStore.send<{ Parameter?: { Value?: string } }>('GetParameter', { Name: this.parameterName, WithDecryption: true });
      return result.Parameter?.Value || undefined;
    } catch (error) {
      if ((error as Error).name === 'ParameterNotFound') return undefined;
      throw error;
    }
  }
}

/** The desk's signing key parameter, named by the function's environment. */
export function ssmSigningKeyFromEnv(): SsmSigningKey {
  return new SsmSigningKey(new ParameterStoreRequests({ region: requiredEnv('AWS_REGION') }), requiredEnv(ENV.approvalLinkKeyParameter));
}
