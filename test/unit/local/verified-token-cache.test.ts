import { describe, expect, it } from 'vitest';
import { createInMemoryIssuer } from '../../../local/issuer.ts';
import { withVerifiedTokenCache } from '../../../local/verified-token-cache.ts';

/** A check that counts its calls and accepts the tokens it was given claims for. */
function countingCheck(claimsByToken: Record<string, { exp?: number; nbf?: number; sub: string }>) {
  const calls: string[] = [];
  const verify = async (token: string) => {
    calls.push(token);
    const claims = claimsByToken[token];
    if (!claims) throw new Error(`rejected ${token}`);
    return claims;
  };
  return { calls, verify };
}

describe('the verified token cache', () => {
  it('checks a token once while it is valid, and again once it has expired', async () => {
    let now = 1000;
    const check = countingCheck({ a: { exp: 1060, sub: 'alice' } });
    const verify = withVerifiedTokenCache(check.verify, { nowSeconds: () => now });
    expect(await verify('a')).toEqual({ exp: 1060, sub: 'alice' });
    now = 1059;
    expect(await verify('a')).toEqual({ exp: 1060, sub: 'alice' });
    expect(check.calls).toEqual(['a']);
    now = 1060;
    await verify('a');
    expect(check.calls).toEqual(['a', 'a']);
  });

  it('keeps no rejection, no token without exp and none not yet valid', async () => {
    let now = 1000;
    const check = countingCheck({ timeless: { sub: 'x' }, early: { exp: 2000, nbf: 1010, sub: 'y' } });
    const verify = withVerifiedTokenCache(check.verify, { nowSeconds: () => now });
    await expect(verify('forged')).rejects.toThrow('rejected forged');
    await expect(verify('forged')).rejects.toThrow('rejected forged');
    await verify('timeless');
    await verify('timeless');
    await verify('early');
    await verify('early');
    now = 1010;
    await verify('early');
    // Before its nbf the kept token was checked again each time; from then on it is served as kept.
    expect(check.calls).toEqual(['forged', 'forged', 'timeless', 'timeless', 'early', 'early']);
  });

  it('hands out copies, so a change to one request’s claims never reaches the next', async () => {
    const verify = withVerifiedTokenCache(countingCheck({ a: { exp: 2000, sub: 'alice' } }).verify, { nowSeconds: () => 1000 });
    const first = await verify('a');
    first.sub = 'mallory';
    expect((await verify('a')).sub).toBe('alice');
  });

  it('holds at most its number of tokens', async () => {
    const check = countingCheck({ a: { exp: 2000, sub: 'a' }, b: { exp: 2000, sub: 'b' }, c: { exp: 2000, sub: 'c' } });
    const verify = withVerifiedTokenCache(check.verify, { maxEntries: 2, nowSeconds: () => 1000 });
    for (const token of ['a', 'b', 'c', 'a', 'c']) await verify(token);
    // Full at c: a and b were dropped, so a is checked again; c was kept.
    expect(check.calls).toEqual(['a', 'b', 'c', 'a']);
  });

  it('still refuses, through the local issuer, a token that expired after it was accepted', async () => {
    const issuer = await createInMemoryIssuer();
    const token = await issuer.sign({ sub: 'alice', token_use: 'id' }, { expiresIn: 1 });
    expect((await issuer.verify(token)).sub).toBe('alice');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await expect(issuer.verify(token)).rejects.toThrow(/exp/);
  });
});
