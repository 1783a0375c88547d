import { describe, expect, it } from 'vitest';
import { blockCandidates, closestBlock, isBlockableDomain } from '../../../shared/email/blocked-sender.ts';

describe('the entries that would hold a mail', () => {
  it('are the sender, its domain and each parent domain down to two labels', () => {
    expect(blockCandidates('Robot@Mail.Corp.Example.ORG')).toEqual([
      { kind: 'sender', value: 'robot@mail.corp.example.org' },
      { kind: 'domain', value: 'mail.corp.example.org' },
      { kind: 'domain', value: 'corp.example.org' },
      { kind: 'domain', value: 'example.org' },
    ]);
  });

  it('never include a top-level domain alone, nor a trailing dot', () => {
    expect(blockCandidates('jane@example.org.')).toEqual([
      { kind: 'sender', value: 'jane@example.org.' },
      { kind: 'domain', value: 'example.org' },
    ]);
    expect(blockCandidates('root@localhost')).toEqual([{ kind: 'sender', value: 'root@localhost' }]);
  });

  it("pick the sender's own entry first, then the closest domain", () => {
    const candidates = blockCandidates('robot@mail.example.org');
    const domain = { kind: 'domain' as const, value: 'example.org' };
    const subdomain = { kind: 'domain' as const, value: 'mail.example.org' };
    const sender = { kind: 'sender' as const, value: 'robot@mail.example.org' };
    expect(closestBlock(candidates, [domain, subdomain, sender])).toBe(sender);
    expect(closestBlock(candidates, [domain, subdomain])).toBe(subdomain);
    expect(closestBlock(candidates, [])).toBeUndefined();
  });
});

describe('a blockable domain', () => {
  it('has two labels or more and no @', () => {
    expect(isBlockableDomain('example.org')).toBe(true);
    expect(isBlockableDomain('mail.xn--bcher-kva.example')).toBe(true);
    expect(isBlockableDomain('localhost')).toBe(false);
    expect(isBlockableDomain('jane@example.org')).toBe(false);
    expect(isBlockableDomain('-bad.example')).toBe(false);
    expect(isBlockableDomain('example.123')).toBe(false);
  });
});
