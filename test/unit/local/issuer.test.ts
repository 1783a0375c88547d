import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInMemoryIssuer, LOCAL_CLIENT_ID, LOCAL_ISSUER, loadPersistedIssuer } from '../../../local/issuer.ts';
import { machineClientClaims, personClaims } from '../../../local/token-claims.ts';

const alice = { email: 'alice.agent@example.com', name: 'Alice Agent', groups: ['agent'] };

describe('local issuer', () => {
  it('signs ID tokens that verify, with the fixed issuer and the local client as audience', async () => {
    const issuer = await createInMemoryIssuer();
    const claims = await issuer.verify(await issuer.sign(personClaims(alice)));
    expect(claims).toMatchObject({
      iss: LOCAL_ISSUER,
      aud: LOCAL_CLIENT_ID,
      email: 'alice.agent@example.com',
      email_verified: true,
      'cognito:groups': ['agent'],
      token_use: 'id',
    });
    expect(claims.exp! - claims.iat!).toBe(3600);
  });

  it('accepts machine-client access tokens by client_id, without aud, as Cognito issues them', async () => {
    const issuer = await createInMemoryIssuer();
    const claims = await issuer.verify(await issuer.sign(machineClientClaims('ci-bot', ['servicedesk/tickets.read'])));
    expect(claims).toMatchObject({ sub: 'ci-bot', client_id: 'ci-bot', scope: 'servicedesk/tickets.read', token_use: 'access' });
    expect(claims.aud).toBeUndefined();
  });

  it('rejects access tokens of clients outside an explicit list', async () => {
    const issuer = await createInMemoryIssuer({ machineClients: ['known'] });
    await expect(issuer.verify(await issuer.sign(machineClientClaims('stranger')))).rejects.toThrow(/audience/);
    await expect(issuer.verify(await issuer.sign(machineClientClaims('known')))).resolves.toMatchObject({ client_id: 'known' });
  });

  it('rejects a token for another audience', async () => {
    const issuer = await createInMemoryIssuer();
    await expect(issuer.verify(await issuer.sign({ ...personClaims(alice), aud: 'someone-else' }))).rejects.toThrow(/audience/);
  });

  it('rejects expired tokens and tokens signed by another key', async () => {
    const issuer = await createInMemoryIssuer();
    const other = await createInMemoryIssuer();
    await expect(issuer.verify(await issuer.sign(personClaims(alice), { expiresIn: -60 }))).rejects.toThrow(/exp/);
    await expect(issuer.verify(await other.sign(personClaims(alice)))).rejects.toThrow(/signature/);
  });

  it('keeps its key in a file, so tokens minted by one process verify in the next', async () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'issuer-')), 'nested', 'issuer-key.json');
    const minting = await loadPersistedIssuer(keyFile);
    const token = await minting.sign(personClaims(alice));
    const serving = await loadPersistedIssuer(keyFile);
    await expect(serving.verify(token)).resolves.toMatchObject({ email: alice.email });
  });
});
