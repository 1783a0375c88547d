import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS, signInCost, type Prices } from '../../../bench/cost-model.ts';
import { PROJECT_ROOT } from '../../../infra/constructs/service-desk-function.ts';

const prices = JSON.parse(readFileSync(join(PROJECT_ROOT, 'bench', 'prices.json'), 'utf8')) as Prices;
const total = (users: Parameters<typeof signInCost>[1]) => signInCost(prices, users).reduce((sum, line) => sum + line.usd, 0);

describe('sign-in cost (Cognito monthly active users)', () => {
  it('has a price with its source for direct and federated users', () => {
    for (const name of ['cognitoPlusPerMau', 'cognitoFederatedPerMau']) {
      expect(prices.aws[name]?.usd, name).toBeGreaterThan(0);
      expect(prices.aws[name]?.source.length, name).toBeGreaterThan(20);
    }
  });

  it('bills every staff member and requester who signs in at the Plus rate', () => {
    expect(total({ staff: 10, requesters: 0, federated: 0 })).toBeCloseTo(10 * prices.aws.cognitoPlusPerMau!.usd!, 6);
    expect(total({ staff: 10, requesters: 1000, federated: 0 })).toBeCloseTo(1010 * prices.aws.cognitoPlusPerMau!.usd!, 6);
  });

  it('bills people of a SAML or OIDC provider at the federation rate, on a line of their own', () => {
    const lines = signInCost(prices, { staff: 10, requesters: 0, federated: 1000 });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ service: 'Cognito', quantity: 1000, unit: 'MAU' });
    expect(lines[1]!.usd).toBeCloseTo(1000 * prices.aws.cognitoFederatedPerMau!.usd!, 6);
  });

  it('counts the requesters of the default desk who sign in', () => {
    expect(DEFAULT_ASSUMPTIONS.requesters).toBeGreaterThan(0);
    expect(signInCost(prices, { staff: DEFAULT_ASSUMPTIONS.agents, requesters: DEFAULT_ASSUMPTIONS.requesters, federated: 0 })[0]!.quantity).toBe(DEFAULT_ASSUMPTIONS.agents + DEFAULT_ASSUMPTIONS.requesters);
  });
});

describe('sign-in cost on the Essentials plan', () => {
  it('has its price and its free allowance, each with a source', () => {
    expect(prices.aws.cognitoEssentialsPerMau?.usd).toBeGreaterThan(0);
    expect(prices.aws.cognitoEssentialsPerMau!.usd!).toBeLessThan(prices.aws.cognitoPlusPerMau!.usd!);
    const allowance = prices.freeTiers.cognitoEssentialsMau;
    expect(typeof allowance === 'object' && allowance.value).toBeGreaterThan(0);
  });

  it('bills at the Essentials rate, and nothing within the free allowance', () => {
    const [line] = signInCost(prices, { staff: 10, requesters: 200, federated: 0 }, 'essentials');
    expect(line!.usd).toBeCloseTo(210 * prices.aws.cognitoEssentialsPerMau!.usd!, 6);
    expect(line!.usdWithFreeTiers).toBe(0);
    expect(line!.item).toContain('Essentials');
  });

  it('bills what goes over the free allowance', () => {
    const allowance = prices.freeTiers.cognitoEssentialsMau as { value: number };
    const [line] = signInCost(prices, { staff: 10, requesters: allowance.value, federated: 0 }, 'essentials');
    expect(line!.usdWithFreeTiers).toBeCloseTo(10 * prices.aws.cognitoEssentialsPerMau!.usd!, 6);
  });

  it('gives Plus no free allowance', () => {
    const [line] = signInCost(prices, { staff: 10, requesters: 200, federated: 0 }, 'plus');
    expect(line!.usdWithFreeTiers).toBeCloseTo(line!.usd, 6);
  });
});
