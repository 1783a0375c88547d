import { describe, expect, it, vi } from 'vitest';
import { ParameterStoreError, type ParameterStoreOperation } from '../../../shared/adapters/ssm/parameter-store-requests.ts';
import { SsmSigningKey } from '../../../shared/adapters/ssm/ssm-signing-key.ts';

const NAME = '/service-desk/test/approval-link-key';
const failure = (name: string, message = name) => new ParameterStoreError(name, message, 400);
const text = (key: Uint8Array) => new TextDecoder().decode(key);

type Answer = (input: Record<string, unknown>) => unknown;

/** Parameter Store answering each operation's calls in turn, the last answer repeating. */
function parameterStore(answers: Partial<Record<ParameterStoreOperation, Answer[]>>) {
  const calls: { operation: ParameterStoreOperation; input: Record<string, unknown> }[] = [];
  const send = vi.fn(async (operation: ParameterStoreOperation, input: Record<string, unknown>) => {
    calls.push({ operation, input });
    const list = answers[operation] ?? [];
    const answer = list.length > 1 ? list.shift()! : list[0];
    if (!answer) throw new Error(`unexpected ${operation}`);
    return answer(input);
  });
  return { send: send as unknown as <Output>(operation: ParameterStoreOperation, input: Record<string, unknown>) => Promise<Output>, calls };
}

const stored =
  (value: string): Answer =>
  () => ({ Parameter: { Value: value } });
const fails =
  (error: Error): Answer =>
  () => {
    throw error;
  };

describe('the signing key in Parameter Store', () => {
  it('reads the stored key once, decrypted, and creates nothing', async () => {
    const store = parameterStore({ GetParameter: [stored('stored-key')] });
    const source = new SsmSigningKey(store, NAME);
    expect(text(await source.approvalLinkKey())).toBe('stored-key');
    expect(text(await source.approvalLinkKey())).toBe('stored-key');
    expect(store.calls).toEqual([{ operation: 'GetParameter', input: { Name: NAME, WithDecryption: true } }]);
  });

  it('creates a random SecureString when there is none, without overwriting, and uses what is stored', async () => {
    const store = parameterStore({ GetParameter: [fails(failure('ParameterNotFound')), stored('created-key')], PutParameter: [() => ({ Version: 1 })] });
    const key = await new SsmSigningKey(store, NAME).approvalLinkKey();
    expect(text(key)).toBe('created-key');
    const put = store.calls.find((call) => call.operation === 'PutParameter')!.input;
    expect(put).toMatchObject({ Name: NAME, Type: 'SecureString', Tier: 'Standard', Overwrite: false });
    expect(put.Value).toMatch(/^[A-Za-z0-9_-]{64}$/);
  });

  it('takes the key another function created first', async () => {
    const store = parameterStore({ GetParameter: [fails(failure('ParameterNotFound')), stored('winner-key')], PutParameter: [fails(failure('ParameterAlreadyExists'))] });
    expect(text(await new SsmSigningKey(store, NAME).approvalLinkKey())).toBe('winner-key');
  });

  it('does not keep a failed read: the next call tries again', async () => {
    const store = parameterStore({ GetParameter: [fails(failure('ThrottlingException', 'Rate exceeded')), stored('stored-key')] });
    const source = new SsmSigningKey(store, NAME);
    await expect(source.approvalLinkKey()).rejects.toThrow('Rate exceeded');
    expect(text(await source.approvalLinkKey())).toBe('stored-key');
  });
});
