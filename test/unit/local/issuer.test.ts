import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInMemoryIssuer, LOCAL_CLIENT_ID, LOCAL_ISSUER, LOCAL_MACHINE_CLIENT_ID, loadPersistedIssuer } from '../../../local/issuer.ts';
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
    const claims = await issuer.verify(await issuer.sign(machineClientClaims(LOCAL_MACHINE_CLIENT_ID, ['servicedesk/tickets.read'])));
    expect(claims).toMatchObject({ sub: LOCAL_MACHINE_CLIENT_ID, client_id: LOCAL_MACHINE_CLIENT_ID, scope: 'servicedesk/tickets.read', token_use: 'access' });
    expect(claims.aud).toBeUndefined();
  });

  it('rejects access tokens of clients outside its audience list, as API Gateway does', async () => {
    const local = await createInMemoryIssuer();
    await expect(local.verify(await local.sign(machineClientClaims('ci-bot')))).rejects.toThrow(/audience/);
    const issuer = await createInMemoryIssuer({ audiences: ['known'] });
    await expect(issuer.verify(await issuer.sign(machineClientClaims('stranger')))).rejects.toThrow(/audience/);
    await expect(issuer.verify(await issuer.sign(machineClientClaims('known')))).resolves.toMatchObject({ client_id: 'known' });
  });

  it('rejects a token for another audience, judging aud before client_id', async () => {
    const issuer = await createInMemoryIssuer();
    await expect(issuer.verify(await issuer.sign({ ...personClaims(alice), aud: 'someone-else' }))).rejects.toThrow(/audience/);
    await expect(issuer.verify(await issuer.sign({ ...machineClientClaims(LOCAL_MACHINE_CLIENT_ID), aud: 'someone-else' }))).rejects.toThrow(/audience/);
    await expect(issuer.verify(await issuer.sign({ ...personClaims(alice), aud: ['someone-else', LOCAL_CLIENT_ID] }))).resolves.toMatchObject({ email: alice.email });
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
