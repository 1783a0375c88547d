import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { SsmSigningKey } from '../../../shared/adapters/ssm/ssm-signing-key.ts';

const ssm = mockClient(SSMClient);
const NAME = '/service-desk/test/approval-link-key';
const named = (name: string, message = name) => Object.assign(new Error(message), { name });
const text = (key: Uint8Array) => new TextDecoder().decode(key);

beforeEach(() => ssm.reset());

describe('the signing key in Parameter Store', () => {
  it('reads the stored key once, decrypted, and creates nothing', async () => {
    ssm.on(GetParameterCommand).resolves({ Parameter: { Value: 'stored-key' } });
    const source = new SsmSigningKey(new SSMClient({ region: 'eu-west-1' }), NAME);
    expect(text(await source.approvalLinkKey())).toBe('stored-key');
    expect(text(await source.approvalLinkKey())).toBe('stored-key');
    expect(ssm).toHaveReceivedCommandTimes(GetParameterCommand, 1);
    expect(ssm).toHaveReceivedCommandWith(GetParameterCommand, { Name: NAME, WithDecryption: true });
    expect(ssm).not.toHaveReceivedCommand(PutParameterCommand);
  });

  it('creates a random SecureString when there is none, without overwriting, and uses what is stored', async () => {
    ssm
      .on(GetParameterCommand)
      .rejectsOnce(named('ParameterNotFound'))
      .resolves({ Parameter: { Value: 'created-key' } });
    ssm.on(PutParameterCommand).resolves({ Version: 1 });
    const key = await new SsmSigningKey(new SSMClient({ region: 'eu-west-1' }), NAME).approvalLinkKey();
    expect(text(key)).toBe('created-key');
    const put = ssm.commandCalls(PutParameterCommand)[0]!.args[0].input;
    expect(put).toMatchObject({ Name: NAME, Type: 'SecureString', Tier: 'Standard', Overwrite: false });
    expect(put.Value).toMatch(/^[A-Za-z0-9_-]{64}$/);
  });

  it('takes the key another function created first', async () => {
    ssm
      .on(GetParameterCommand)
      .rejectsOnce(named('ParameterNotFound'))
      .resolves({ Parameter: { Value: 'winner-key' } });
    ssm.on(PutParameterCommand).rejects(named('ParameterAlreadyExists'));
    expect(text(await new SsmSigningKey(new SSMClient({ region: 'eu-west-1' }), NAME).approvalLinkKey())).toBe('winner-key');
  });

  it('does not keep a failed read: the next call tries again', async () => {
    ssm
      .on(GetParameterCommand)
      .rejectsOnce(named('ThrottlingException', 'Rate exceeded'))
      .resolves({ Parameter: { Value: 'stored-key' } });
    const source = new SsmSigningKey(new SSMClient({ region: 'eu-west-1', maxAttempts: 1 }), NAME);
    await expect(source.approvalLinkKey()).rejects.toThrow('Rate exceeded');
    expect(text(await source.approvalLinkKey())).toBe('stored-key');
  });
});
